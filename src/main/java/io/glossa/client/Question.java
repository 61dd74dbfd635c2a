package io.glossa.client;

import java.util.List;

/**
 * Optional parts of a submission: the candidate languages (empty: all) and how many candidates to list (0: the
 * server's default).
 */
public record Question(List<String> languages, int top) {
    public static final Question ANY = new Question(List.of(), 0);

    public Question {
        languages = List.copyOf(languages);
        if (top < 0) {
            throw new IllegalArgumentException("top must be 0 (the server's default) or more, got " + top);
        }
    }
}
