package io.glossa.pipeline;

/**
 * A client's {@code Idempotency-Key} and a digest of the request it came with: the same key with the same digest is
 * the same request again (a retry), with another digest a mistake the client must hear about.
 *
 * @param key           what the client sent, prefixed with its API key's id when it presented one, so that two
 *                      clients cannot meet on the same key
 * @param requestSha256 hex SHA-256 of the request's meaning (texts, lane, question), not of its bytes
 */
public record IdempotencyKey(String key, String requestSha256) {
    /** Longest key a client may send (the stored key may carry a prefix of up to 64 more characters). */
    public static final int MAX_LENGTH = 255;
}
