package io.glossa.web;

import java.util.List;
import java.util.Map;

/**
 * What a JSON body held of its {@link BodyShape}: each string field present (JSON null counts as absent), the array
 * if present, and the names of the fields that were ignored (to point at a misspelt one).
 */
record BodyFields(
        Map<String, String> strings,
        List<String> array,
        List<String> ignored,
        Map<String, List<String>> lists,
        Map<String, Long> integers) {
    BodyFields(Map<String, String> strings, List<String> array, List<String> ignored) {
        this(strings, array, ignored, Map.of(), Map.of());
    }

    /** A short list of the shape's {@code lists}, or null if absent. */
    List<String> list(String name) {
        return lists.get(name);
    }

    /** An integer of the shape's {@code integers}, or null if absent. */
    Long integer(String name) {
        return integers.get(name);
    }

    String string(String name) {
        return strings.get(name);
    }

    /** A 400 for a missing field, naming the ignored ones, since a misspelt name is the usual cause. */
    ProblemException missing(String name, String example) {
        String hint = ignored.isEmpty() ? "" : "; ignored unknown field(s): " + Names.quoted(ignored);
        return new ProblemException(
                400, "missing-field", "Missing Field", "the field '" + name + "' is required: " + example + hint);
    }

    /** Field names as they appear in a problem detail: quoted, each cut to a readable length. */
    static final class Names {
        private static final int MAX_NAME = 40;

        private Names() {}

        static String quoted(List<String> names) {
            StringBuilder out = new StringBuilder();
            for (String name : names) {
                out.append(out.length() == 0 ? "" : ", ")
                        .append('\'')
                        .append(name.length() > MAX_NAME ? name.substring(0, MAX_NAME) + "…" : name)
                        .append('\'');
            }
            return out.toString();
        }
    }
}
