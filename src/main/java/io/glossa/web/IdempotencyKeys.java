package io.glossa.web;

import io.glossa.pipeline.IdempotencyKey;
import io.glossa.pipeline.Lane;
import io.glossa.pipeline.Question;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads the {@code Idempotency-Key} header of a submission. The request it is bound to is digested by meaning
 * (route, lane, texts, question), not by bytes, so a retry that re-serialises the same JSON differently is still the
 * same request.
 */
final class IdempotencyKeys {
    static final String HEADER = "Idempotency-Key";

    private IdempotencyKeys() {}

    /** @return null if the request has no key */
    static IdempotencyKey of(Context ctx, String route, List<String> texts, Lane lane, Question question) {
        String key = ctx.header(HEADER);
        if (key == null) {
            return null;
        }
        if (key.isBlank()
                || key.length() > IdempotencyKey.MAX_LENGTH
                || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new ProblemException(
                    400,
                    "invalid-idempotency-key",
                    "Invalid Idempotency Key",
                    "the "
                            + HEADER + " header must be 1 to " + IdempotencyKey.MAX_LENGTH
                            + " visible ASCII characters "
                            + "(a UUID is a good key)");
        }
        PresentedKey apiKey = ctx.attribute(AccessControl.KEY_ATTRIBUTE);
        // keys are per client: another API key's request with the same Idempotency-Key is another request
        String scoped = (apiKey == null ? "-" : Long.toString(apiKey.key().id())) + ":" + key;
        return new IdempotencyKey(scoped, digest(route, texts, lane, question));
    }

    private static String digest(String route, List<String> texts, Lane lane, Question question) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        StringBuilder canonical = new StringBuilder(route)
                .append('\n')
                .append(lane.key())
                .append('\n')
                .append(String.join(",", question.languages()))
                .append('\n')
                .append(question.top())
                .append('\n');
        for (String text : texts) { // length-prefixed, so no two lists of texts read the same
            canonical.append(text.length()).append(':').append(text);
        }
        return HexFormat.of().formatHex(sha.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
