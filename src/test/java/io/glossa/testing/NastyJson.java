package io.glossa.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.UUID;

/**
 * Request and message bodies that break JSON readers: random bytes, invalid UTF-8, token soup built from the
 * fields a valid body has, deep nesting, and valid bodies with a few bytes flipped, cut or repeated.
 */
public final class NastyJson {
    private static final String[] TOKENS = {
        "{",
        "}",
        "[",
        "]",
        ":",
        ",",
        "\"id\"",
        "\"text\"",
        "\"texts\"",
        "\"lane\"",
        "\"realtime\"",
        "\"batch\"",
        "null",
        "true",
        "false",
        "0",
        "-1",
        "1e999999",
        "123456789012345678901234567890",
        "\"\"",
        "\" \"",
        "\"\\u0000\"",
        "\"\\ud800\"",
        "\"Hej, hur mår du?\"",
        "\"" + UUID.randomUUID() + "\"",
        "\"1-1-1-1-1\"",
        " ",
        "\n",
        "\"\\",
        "'",
        "/*",
        "NaN",
        "\"text\":\"Dzień dobry\""
    };

    private NastyJson() {}

    /** One body of a random kind; {@code valid} is a well-formed body to mutate. */
    public static byte[] any(Random random, byte[] valid) {
        return switch (random.nextInt(7)) {
            case 0 -> randomBytes(random, random.nextInt(300));
            case 1 -> tokenSoup(random, 1 + random.nextInt(40));
            case 2 -> nested(random, 1 + random.nextInt(random.nextBoolean() ? 40 : 5_000));
            case 3 -> withInvalidUtf8(random, valid);
            default -> mutate(random, valid);
        };
    }

    public static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    public static byte[] tokenSoup(Random random, int tokens) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < tokens; i++) {
            sb.append(TOKENS[random.nextInt(TOKENS.length)]);
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {"text": [[[[...]]]]} or an unclosed run of brackets. */
    public static byte[] nested(Random random, int depth) {
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        StringBuilder sb = new StringBuilder("{\"text\":");
        sb.append(open.repeat(depth)).append("1");
        if (random.nextBoolean()) {
            sb.append(close.repeat(depth)).append('}');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The valid body with an overlong, truncated or surrogate-encoding UTF-8 sequence inside. */
    public static byte[] withInvalidUtf8(Random random, byte[] valid) {
        byte[][] bad = {
            {(byte) 0xc0, (byte) 0xaf},
            {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
            {(byte) 0xff},
            {(byte) 0xe2, (byte) 0x82},
            {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            {(byte) 0x80}
        };
        int at = random.nextInt(valid.length + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(valid, 0, at);
        out.writeBytes(bad[random.nextInt(bad.length)]);
        out.write(valid, at, valid.length - at);
        return out.toByteArray();
    }

    /** A few bytes flipped, a cut, or a slice repeated. */
    public static byte[] mutate(Random random, byte[] valid) {
        byte[] bytes = valid.clone();
        switch (random.nextInt(3)) {
            case 0 -> {
                for (int i = 1 + random.nextInt(3); i > 0 && bytes.length > 0; i--) {
                    bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
                }
                return bytes;
            }
            case 1 -> {
                return java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
            }
            default -> {
                int from = random.nextInt(bytes.length);
                int to = from + random.nextInt(bytes.length - from) + 1;
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(bytes, 0, to);
                out.write(bytes, from, bytes.length - from);
                return out.toByteArray();
            }
        }
    }
}
