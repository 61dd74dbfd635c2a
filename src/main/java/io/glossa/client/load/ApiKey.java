package io.glossa.client.load;

import java.net.http.HttpRequest;

/**
 * The API key a client tool sends ({@code Authorization: Bearer}), or none. Checked when given, so a key pasted with
 * a line break or a space cannot end a header early.
 *
 * @param secret empty: send no key
 */
public record ApiKey(String secret) {
    public static final ApiKey NONE = new ApiKey("");
    private static final int MAX_LENGTH = 512;

    public ApiKey {
        secret = secret == null ? "" : secret;
        if (secret.length() > MAX_LENGTH || !secret.chars().allMatch(c -> c > ' ' && c < 127)) {
            throw new IllegalArgumentException("an API key is up to " + MAX_LENGTH
                    + " printable ASCII characters without spaces, as 'glossa keys create' prints it");
        }
    }

    public boolean present() {
        return !secret.isEmpty();
    }

    /** The header line with its CRLF, or nothing: for requests written by hand. */
    String headerLine() {
        return present() ? "Authorization: Bearer " + secret + "\r\n" : "";
    }

    /** {@code request} with the key's header, if there is a key. */
    HttpRequest.Builder on(HttpRequest.Builder request) {
        return present() ? request.header("Authorization", "Bearer " + secret) : request;
    }

    @Override
    public String toString() {
        return present() ? "ApiKey[***]" : "ApiKey[none]";
    }
}
