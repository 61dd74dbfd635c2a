package io.glossa.web;

import java.util.UUID;
import java.util.regex.Pattern;

/** Text ids in URLs: canonical lower- or upper-case UUIDs only (UUID.fromString alone accepts "1-1-1-1-1"). */
final class TextIds {
    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private TextIds() {}

    static UUID parse(String raw) {
        if (raw == null || !CANONICAL.matcher(raw).matches()) {
            throw new ProblemException(
                    400,
                    "invalid-id",
                    "Invalid Id",
                    "'" + abbreviate(raw)
                            + "' is not a text id; ids are UUIDs like 3f2b8a4e-5c1d-4e0f-9a7b-2c6d8e1f0a3b");
        }
        return UUID.fromString(raw);
    }

    private static String abbreviate(String raw) {
        String s = raw == null ? "" : raw;
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
