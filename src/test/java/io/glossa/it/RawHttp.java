package io.glossa.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests no HTTP client would send: any method, any bytes in the target and
 * headers, wrong lengths, no Content-Type. Every request asks the server to close, so a response ends at EOF.
 */
final class RawHttp {
    /** A parsed answer; status -1 when the server closed the connection without one. */
    record Response(int status, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            String text = bodyText();
            return status + " " + header("content-type") + " "
                    + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
        }
    }

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    /** method, target and headers as given (plus Host and Connection: close), then the body. */
    static byte[] request(String method, byte[] target, List<String> headers, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(method.getBytes(StandardCharsets.UTF_8));
        out.write(' ');
        out.writeBytes(target);
        out.writeBytes(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n".getBytes(StandardCharsets.US_ASCII));
        for (String header : headers) {
            out.writeBytes((header + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        return out.toByteArray();
    }

    static byte[] request(String method, String target, List<String> headers, byte[] body) {
        return request(method, target.getBytes(StandardCharsets.UTF_8), headers, body);
    }

    /** Sends the bytes, reads until the server closes (or {@code timeoutMillis} without a byte). */
    Response send(byte[] request, int timeoutMillis) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(timeoutMillis);
            try {
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
                if (mayLeaveTheServerWaiting(request)) {
                    // end of input: a request cut short (a single garbage byte) is then refused, not waited for
                    socket.shutdownOutput();
                }
            } catch (IOException e) {
                // the server may answer and close before it read everything (a refused body): read its answer
            }
            return read(socket.getInputStream());
        }
    }

    /**
     * False only for a plain GET or POST whose head is complete, with CRLF line ends, and whose body is exactly
     * what one clean Content-Length declares (or empty without one): the server has all it needs to answer, and an
     * HTTP client would not half-close. Jetty 12 can drop its answer when the end of input arrives while such a
     * request is handled (seen once in CI, a plain {@code GET /api/v1/texts?limit=-1} among 3,000).
     */
    static boolean mayLeaveTheServerWaiting(byte[] request) {
        String text = new String(request, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0 || !(text.startsWith("GET ") || text.startsWith("POST "))) {
            return true;
        }
        String head = text.substring(0, end);
        if (head.replace("\r\n", "").indexOf('\r') >= 0
                || head.replace("\r\n", "").indexOf('\n') >= 0) {
            return true; // a bare CR or LF: where the server thinks the head ends is anyone's guess
        }
        if (head.toLowerCase(Locale.ROOT).contains("\r\ntransfer-encoding:")) {
            return true;
        }
        java.util.regex.Matcher lengths = java.util.regex.Pattern.compile("(?i)\r\ncontent-length:([^\r]*)")
                .matcher(head);
        List<String> declared = new java.util.ArrayList<>();
        while (lengths.find()) {
            declared.add(lengths.group(1).strip());
        }
        int body = request.length - end - 4;
        return declared.size() > 1
                || (declared.isEmpty() ? body > 0 : !declared.get(0).equals(Integer.toString(body)));
    }

    /** Opens a connection for a caller that writes slowly; read the answer with {@link #read}. */
    Socket open(int timeoutMillis) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(timeoutMillis);
        return socket;
    }

    static void write(Socket socket, byte[] bytes) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(bytes);
        out.flush();
    }

    /** Reads one response: until it is complete (by Content-Length or the last chunk) or the server closes. */
    static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while (!complete(all.toByteArray()) && (n = in.read(buffer)) >= 0) {
                all.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException e) {
            // reset after the answer: keep what arrived
        }
        return parse(all.toByteArray());
    }

    /** Whether the bytes hold a whole response (a server may keep the connection open after a refused body). */
    private static boolean complete(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String head = text.substring(0, end).toLowerCase(Locale.ROOT);
        int bodyBytes = raw.length - end - 4;
        java.util.regex.Matcher length =
                java.util.regex.Pattern.compile("\r\ncontent-length: *(\\d+)").matcher(head);
        if (length.find()) {
            return bodyBytes >= Long.parseLong(length.group(1));
        }
        if (head.contains("\r\ntransfer-encoding: chunked")) {
            return text.endsWith("\r\n0\r\n\r\n");
        }
        return false; // no length: the body ends when the server closes
    }

    static Response parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || end < 0) {
            return new Response(-1, Map.of(), raw);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].substring(9, 12));
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(
                    lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if (headers.getOrDefault("transfer-encoding", "").equalsIgnoreCase("chunked")) {
            body = unchunk(body);
        }
        return new Response(status, headers, body);
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(chunked, at);
            if (lineEnd < 0) {
                break;
            }
            String sizeText = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int size = Integer.parseInt(sizeText, 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, Math.min(size, chunked.length - lineEnd - 2));
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
