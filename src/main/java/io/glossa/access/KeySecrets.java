package io.glossa.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Makes key secrets and the hashes stored for them.
 *
 * <p>A secret is {@code gk_} + 32 random bytes from {@link SecureRandom} in base64url (256 bits of entropy). It is
 * stored only as its SHA-256. A fast unsalted hash is enough here, unlike for passwords: slow salted hashes
 * (bcrypt, Argon2) exist to make guessing low-entropy human choices expensive, but nobody can enumerate 2^256
 * random secrets, and a fast hash lets every request be checked without burning CPU. The hash is also what the
 * store looks keys up by, which a per-key salt would prevent.
 */
public final class KeySecrets {
    public static final String PREFIX = "gk_";
    private static final int RANDOM_BYTES = 32;
    /** Longer than any real key; longer values are refused before hashing. */
    public static final int MAX_LENGTH = 200;

    private final SecureRandom random;

    public KeySecrets(SecureRandom random) {
        this.random = random;
    }

    public KeySecrets() {
        this(new SecureRandom());
    }

    public String generate() {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Lower-case hex SHA-256 of the secret's UTF-8 bytes (64 characters). */
    public static String hash(String secret) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
