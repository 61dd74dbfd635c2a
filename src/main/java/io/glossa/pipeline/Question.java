package io.glossa.pipeline;

import java.util.List;

/**
 * What a client asked about a text beyond "which language": the candidate languages (empty: every language the model
 * knows) and how many candidates to list (null: the worker's {@code --top-k}). Stored with the text and carried in
 * its job, so that a retry, a replay from the failed queue or a re-verify answers the same question.
 *
 * @param languages model label codes, in the client's order, without duplicates
 * @param top       1 or more, or null
 */
public record Question(List<String> languages, Integer top) {
    /** The plain question: every language, the worker's top-k. */
    public static final Question DEFAULT = new Question(List.of(), null);

    public Question {
        languages = languages == null ? List.of() : List.copyOf(languages);
        if (top != null && top < 1) {
            throw new IllegalArgumentException("top must be at least 1, got " + top);
        }
    }

    public boolean isDefault() {
        return languages.isEmpty() && top == null;
    }

    /** The candidates joined by commas, as the store keeps them; null for every language. */
    public String languagesText() {
        return languages.isEmpty() ? null : String.join(",", languages);
    }

    /** The inverse of {@link #languagesText()}. */
    public static Question of(String languagesText, Integer top) {
        List<String> languages =
                languagesText == null || languagesText.isEmpty() ? List.of() : List.of(languagesText.split(","));
        return new Question(languages, top);
    }

    /** How many candidates to list: the client's {@code top}, else the worker's default. */
    public int topOr(int fallback) {
        return top == null ? fallback : top;
    }
}
