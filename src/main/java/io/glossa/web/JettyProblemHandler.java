package io.glossa.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
        String detail = status >= 500 ? "the server could not answer this request" : "the request could not be read";
        String body = "{\"type\":\"/problems/http-" + status + "\",\"title\":\"HTTP " + status + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}";
        response.setContentType(ProblemResponses.CONTENT_TYPE);
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
        baseRequest.setHandled(true);
    }
}
