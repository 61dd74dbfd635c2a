package io.glossa.access;

/** A key just created, with the secret the client must send: shown once, never stored. */
public record IssuedKey(ApiKey key, String secret) {
    @Override
    public String toString() {
        return "IssuedKey[key=" + key + ", secret=***]";
    }
}
