package io.glossa.model;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON reader (RFC 8259) for a model file's header, into maps (in order), lists, strings, longs, doubles,
 * booleans and nulls. Why not Jackson's parser: on a cold JVM its classes cost 60–80 ms of a model load on one CPU,
 * about a fifth of it, for a header of a few kilobytes that glossa itself wrote. Everything outside the grammar is
 * refused with where it was found: invalid UTF-8, a key twice, nesting deeper than {@link #MAX_DEPTH}, numbers out of
 * range, text after the value.
 */
final class HeaderJson {
    /** The header nests four deep; the bound keeps a hostile file from exhausting the stack. */
    static final int MAX_DEPTH = 32;

    private final String text;
    private int pos;
    private int depth;

    private HeaderJson(String text) {
        this.text = text;
    }

    /** The one JSON value in {@code utf8}, whitespace around it allowed. */
    static Object parse(byte[] utf8) throws IOException {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IOException("it is not valid UTF-8");
        }
        HeaderJson reader = new HeaderJson(text);
        Object value = reader.value();
        reader.skipSpace();
        if (reader.pos < text.length()) {
            throw reader.error("unexpected text after the JSON value");
        }
        return value;
    }

    private Object value() throws IOException {
        skipSpace();
        if (pos >= text.length()) {
            throw error("the JSON ends where a value was expected");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", true);
            case 'f' -> literal("false", false);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || isDigit(c)) {
                    yield number();
                }
                throw error("unexpected '" + c + "' where a value was expected");
            }
        };
    }

    private Map<String, Object> object() throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        if (openEmpty('}')) {
            return out;
        }
        do {
            skipSpace();
            if (pos >= text.length() || text.charAt(pos) != '"') {
                throw error("expected a quoted key");
            }
            int at = pos;
            String key = string();
            skipSpace();
            expect(':');
            if (out.containsKey(key)) {
                pos = at;
                throw error("the key \"" + key + "\" appears twice");
            }
            out.put(key, value());
            skipSpace();
        } while (consume(','));
        close('}');
        return out;
    }

    private List<Object> array() throws IOException {
        List<Object> out = new ArrayList<>();
        if (openEmpty(']')) {
            return out;
        }
        do {
            out.add(value());
            skipSpace();
        } while (consume(','));
        close(']');
        return out;
    }

    /** Steps into an object or array at its opening bracket; true if {@code close} follows at once, stepped out. */
    private boolean openEmpty(char close) throws IOException {
        if (++depth > MAX_DEPTH) {
            throw error("objects and arrays nest deeper than " + MAX_DEPTH);
        }
        pos++;
        skipSpace();
        if (consume(close)) {
            depth--;
            return true;
        }
        return false;
    }

    private void close(char close) throws IOException {
        expect(close);
        depth--;
    }

    private String string() throws IOException {
        pos++; // the opening quote
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("a string is not closed");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                pos--;
                throw error("a control character in a string must be escaped");
            }
            out.append(c == '\\' ? escape() : c);
        }
    }

    private char escape() throws IOException {
        if (pos >= text.length()) {
            throw error("a string is not closed");
        }
        char c = text.charAt(pos++);
        return switch (c) {
            case '"', '\\', '/' -> c;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> unicodeEscape();
            default -> {
                pos -= 2;
                throw error("unknown escape '\\" + c + "'");
            }
        };
    }

    private char unicodeEscape() throws IOException {
        if (pos + 4 > text.length()) {
            throw error("a \\u escape needs four hex digits");
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(pos + i), 16);
            if (digit < 0) {
                throw error("a \\u escape needs four hex digits");
            }
            value = value * 16 + digit;
        }
        pos += 4;
        return (char) value;
    }

    /** {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}: a long without fraction or exponent, else a double. */
    private Object number() throws IOException {
        int start = pos;
        consume('-');
        if (consume('0')) {
            if (pos < text.length() && isDigit(text.charAt(pos))) {
                throw error("a number cannot have a leading zero");
            }
        } else {
            digits();
        }
        boolean integer = true;
        if (consume('.')) {
            integer = false;
            digits();
        }
        if (consume('e') || consume('E')) {
            integer = false;
            if (!consume('+')) {
                consume('-');
            }
            digits();
        }
        String literal = text.substring(start, pos);
        if (integer) {
            try {
                return Long.parseLong(literal);
            } catch (NumberFormatException e) {
                pos = start;
                throw error("the integer " + literal + " is out of range");
            }
        }
        double value = Double.parseDouble(literal);
        if (Double.isInfinite(value)) {
            pos = start;
            throw error("the number " + literal + " is out of range");
        }
        return value;
    }

    private void digits() throws IOException {
        if (pos >= text.length() || !isDigit(text.charAt(pos))) {
            throw error("a number needs a digit here");
        }
        while (pos < text.length() && isDigit(text.charAt(pos))) {
            pos++;
        }
    }

    private Object literal(String word, Object value) throws IOException {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected '" + text.charAt(pos) + "' where a value was expected");
        }
        pos += word.length();
        return value;
    }

    private void expect(char c) throws IOException {
        if (!consume(c)) {
            throw error(pos < text.length() ? "expected '" + c + "'" : "the JSON ends where '" + c + "' was expected");
        }
    }

    private boolean consume(char c) {
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private IOException error(String what) {
        return new IOException(what + " (character " + pos + " of the JSON)");
    }
}
