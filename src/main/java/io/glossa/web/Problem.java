package io.glossa.web;

/**
 * An RFC 9457 problem detail, sent as {@code application/problem+json}.
 *
 * @param type   a relative URI naming the kind of problem, documented in /openapi.json
 * @param detail what went wrong for this request and how to fix it; never a stack trace
 */
record Problem(String type, String title, int status, String detail) {
    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem("/problems/" + slug, title, status, detail);
    }
}
