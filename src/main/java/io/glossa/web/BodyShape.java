package io.glossa.web;

import java.util.Set;
import java.util.function.Supplier;

/**
 * The fields a JSON body may have: some strings and at most one array of strings. Other fields are skipped
 * unread, up to {@link #MAX_UNKNOWN_FIELDS}; past that the body is refused, so a body of a million ignored fields
 * costs nothing but the bytes that reach the parser.
 *
 * @param strings       names of the string fields
 * @param array         name of the array-of-strings field, or null
 * @param maxArrayItems the most items the array may hold; reading stops at the next one
 * @param tooManyItems  the problem for an array longer than that
 */
record BodyShape(Set<String> strings, String array, int maxArrayItems, Supplier<ProblemException> tooManyItems) {
    /** Clients may send a few fields of their own (a request id, a client name); they are ignored. */
    static final int MAX_UNKNOWN_FIELDS = 16;

    static BodyShape strings(String... names) {
        return new BodyShape(Set.of(names), null, 0, () -> null);
    }
}
