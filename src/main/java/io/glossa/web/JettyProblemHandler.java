package io.glossa.web;

import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers before a request reaches Javalin (a malformed URI, headers too large...) are problem+json
 * too, never Jetty's HTML page. Jetty answers a request line without an HTTP version (what a raw line feed inside
 * the target produces; it reads as HTTP/0.9) with 505, a 5xx although the client sent nonsense; here that is a 400
 * like every other malformed request.
 */
final class JettyProblemHandler extends ErrorHandler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = status(response.getStatus(), request.getAttribute(ERROR_EXCEPTION));
        response.setStatus(status);
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, ProblemResponses.CONTENT_TYPE);
        SecurityHeaders.HEADERS.forEach(headers::put); // no handler ran, so SecurityHeaders could not add them
        if (HttpStatus.hasNoBody(status)) {
            callback.succeeded();
        } else {
            response.write(true, BufferUtil.toBuffer(body(status), StandardCharsets.UTF_8), callback);
        }
        return true;
    }

    /** Jetty's verdict on the request's bytes is a client error, whatever status its parser chose. */
    private static int status(int current, Object cause) {
        if (cause instanceof HttpException verdict) {
            return verdict.getCode() >= 500 ? 400 : verdict.getCode();
        }
        return current;
    }

    private static String body(int status) {
        String detail = status >= 500
                ? "the server could not answer this request"
                : status == 431
                        ? "the request headers are too large"
                        : "the request could not be parsed (malformed URI, request line or headers)";
        return "{\"type\":\"/problems/http-" + status + "\",\"title\":\"HTTP " + status + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}";
    }
}
