package io.glossa.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Errors Jetty answers before a request reaches Javalin (a malformed URI, headers too large...) are problem+json
 * too, never Jetty's HTML page.
 */
final class JettyProblemHandler extends ErrorHandler {
    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        int status = response.getStatus();
        SecurityHeaders.HEADERS.forEach(response::setHeader);
        response.setContentType(ProblemResponses.CONTENT_TYPE);
        response.getOutputStream().write(body(status).getBytes(StandardCharsets.UTF_8));
        baseRequest.setHandled(true);
    }

    /** Requests Jetty cannot even parse (bad URI, headers too large): answered before any handler runs. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, ProblemResponses.CONTENT_TYPE);
        SecurityHeaders.HEADERS.forEach(fields::put);   // no handler ran, so SecurityHeaders could not add them
        return BufferUtil.toBuffer(body(status), StandardCharsets.UTF_8);
    }

    private static String body(int status) {
        String detail = status >= 500 ? "the server could not answer this request"
                : status == 431 ? "the request headers are too large"
                : "the request could not be parsed (malformed URI, request line or headers)";
        return "{\"type\":\"/problems/http-" + status + "\",\"title\":\"HTTP " + status + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}";
    }
}
