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
 * @param lists         names of further, short arrays of strings (at most {@link #MAX_LIST_ITEMS} items each)
 * @param integers      names of integer fields
 */
record BodyShape(
        Set<String> strings,
        String array,
        int maxArrayItems,
        Supplier<ProblemException> tooManyItems,
        Set<String> lists,
        Set<String> integers) {
    /** Clients may send a few fields of their own (a request id, a client name); they are ignored. */
    static final int MAX_UNKNOWN_FIELDS = 16;
    /** Most items of a short list (e.g. candidate languages): more than any model's labels. */
    static final int MAX_LIST_ITEMS = 100;

    BodyShape(Set<String> strings, String array, int maxArrayItems, Supplier<ProblemException> tooManyItems) {
        this(strings, array, maxArrayItems, tooManyItems, Set.of(), Set.of());
    }

    /** This shape with short lists and integer fields besides. */
    BodyShape with(Set<String> moreLists, Set<String> moreIntegers) {
        return new BodyShape(strings, array, maxArrayItems, tooManyItems, moreLists, moreIntegers);
    }

    static BodyShape strings(String... names) {
        return new BodyShape(Set.of(names), null, 0, () -> null);
    }
}
