package io.glossa.web;

/**
 * Checks bytes as they stream past for strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above
 * U+10FFFF, no sequence cut short. It keeps three ints of state, so a body is checked in the one pass that parses it
 * instead of being decoded into a second copy first. NUL is refused too: JSON allows it nowhere unescaped, and a
 * zero byte among the first four is what makes a JSON parser guess UTF-16 or UTF-32.
 */
final class Utf8Validator {
    private int pending;
    private int low = 0x80;
    private int high = 0xBF;

    /** @return false at the first byte that cannot continue valid UTF-8 */
    boolean accept(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (!accept(bytes[i] & 0xFF)) {
                return false;
            }
        }
        return true;
    }

    boolean accept(int b) {
        if (pending > 0) {
            if (b < low || b > high) {
                return false;
            }
            pending--;
            low = 0x80;
            high = 0xBF;
            return true;
        }
        if (b < 0x80) {
            return b != 0;
        }
        return lead(b);
    }

    /** True when no multi-byte sequence is left open (call it at the end of the body). */
    boolean complete() {
        return pending == 0;
    }

    /** The first byte of a multi-byte sequence narrows what its second byte may be (Table 3-7 of Unicode). */
    private boolean lead(int b) {
        if (b >= 0xC2 && b <= 0xDF) {
            pending = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            pending = 2;
            low = b == 0xE0 ? 0xA0 : 0x80; // E0 80..9F would be overlong
            high = b == 0xED ? 0x9F : 0xBF; // ED A0..BF would be a surrogate
        } else if (b >= 0xF0 && b <= 0xF4) {
            pending = 3;
            low = b == 0xF0 ? 0x90 : 0x80; // F0 80..8F would be overlong
            high = b == 0xF4 ? 0x8F : 0xBF; // F4 90.. would be above U+10FFFF
        } else {
            return false; // a stray continuation byte, C0/C1 (overlong) or F5..FF
        }
        return true;
    }
}
