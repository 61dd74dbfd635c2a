package io.glossa.pipeline;

import io.glossa.pipeline.InvalidSubmissionException.Reason;

/** Checks one text against the limits before anything is stored. */
final class TextRules {
    private final SubmissionLimits limits;

    TextRules(SubmissionLimits limits) {
        this.limits = limits;
    }

    /** @param where a prefix for messages, e.g. "" or "texts[3]: " */
    void check(String text, String where) {
        if (text == null || text.isBlank()) {
            throw new InvalidSubmissionException(
                    Reason.EMPTY_TEXT, where + "text is empty; send at least one non-blank character");
        }
        long bytes = utf8Length(text, where);
        if (bytes > limits.maxTextBytes()) {
            throw new InvalidSubmissionException(
                    Reason.TEXT_TOO_LARGE,
                    where + "text is " + bytes + " bytes of UTF-8; the limit is " + limits.maxTextBytes() + " bytes");
        }
    }

    /** Counts UTF-8 bytes without encoding, refusing what no UTF-8 store can keep (NUL, lone surrogates). */
    static long utf8Length(String text, String where) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                // PostgreSQL text columns cannot hold NUL: refuse it here rather than fail in the store
                throw new InvalidSubmissionException(
                        Reason.INVALID_TEXT, where + "text contains a NUL character (U+0000) at index " + i);
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidSubmissionException(
                        Reason.INVALID_TEXT,
                        where + "text contains an unpaired surrogate (U+"
                                + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT) + ") at index " + i
                                + "; it is not valid Unicode");
            } else if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
