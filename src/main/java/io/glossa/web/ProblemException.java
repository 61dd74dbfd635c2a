package io.glossa.web;

/** Ends a request with a problem response; thrown by request parsing and handlers. */
final class ProblemException extends RuntimeException {
    private final transient Problem problem;

    ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    ProblemException(int status, String slug, String title, String detail) {
        this(Problem.of(status, slug, title, detail));
    }

    Problem problem() {
        return problem;
    }

    /** A client's value as a problem's detail quotes it: cut at 40 characters, so a huge one does not come back. */
    static String abbreviate(String raw) {
        return raw.length() > 40 ? raw.substring(0, 40) + "…" : raw;
    }
}
