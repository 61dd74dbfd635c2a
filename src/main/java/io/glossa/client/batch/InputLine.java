package io.glossa.client.batch;

/**
 * One line read from a byte stream: its 1-based number and either its text or why it could not be read.
 * Exactly one of {@code text} and {@code error} is non-null.
 */
public record InputLine(long number, String text, String error) {
    public static InputLine ok(long number, String text) {
        return new InputLine(number, text, null);
    }

    public static InputLine bad(long number, String error) {
        return new InputLine(number, null, error);
    }

    public boolean isBad() {
        return error != null;
    }
}
