package io.glossa.testing;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads. Good enough for the expressions glossa's dashboard and rules use:
 * strings, label matchers, ranges, grouping clauses and Grafana variables are removed first; what remains that is
 * an identifier, not a keyword and not called like a function, is a metric name.
 */
public final class PromQlNames {
    private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING =
            Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern VARIABLES = Pattern.compile("\\$\\{[^}]*}|\\$\\w+");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.:])[a-zA-Z_:][\\w:]*");
    private static final Set<String> KEYWORDS = Set.of(
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "bool",
            "offset",
            "and",
            "or",
            "unless",
            "inf",
            "nan",
            "Inf",
            "NaN");

    private PromQlNames() {}

    public static Set<String> of(String expression) {
        String rest = expression;
        for (Pattern removed : new Pattern[] {STRINGS, MATCHERS, RANGES, GROUPING, VARIABLES}) {
            rest = removed.matcher(rest).replaceAll(" ");
        }
        Set<String> names = new LinkedHashSet<>();
        Matcher m = IDENTIFIER.matcher(rest);
        while (m.find()) {
            String name = m.group();
            boolean called = rest.substring(m.end()).stripLeading().startsWith("(");
            if (!called && !KEYWORDS.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }
}
