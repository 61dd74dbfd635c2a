package io.glossa.client.load;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One keep-alive HTTP/1.1 connection that POSTs small JSON bodies and reads the answers, one at a time.
 *
 * <p>Why not {@code java.net.http.HttpClient}: the load tool shares the machine with the system it measures, and
 * HttpClient's asynchronous machinery cost about 1 ms of CPU per request here (measured A/B), a quarter of the whole
 * pipeline's budget. This does one write and, usually, one read per request. It understands what the glossa API
 * sends: a status line, headers, and a body with Content-Length or chunked; anything else is an IOException.
 * It also follows an event stream ({@link #openEventStream}). Not thread-safe: one connection per thread. The load
 * tool sends its texts over it only to an https URL; plain http goes through {@link SubmitLoop}.
 */
final class PlainHttpConnection implements AutoCloseable {
    /** A response: its status and body (UTF-8). */
    record Response(int status, String body) {}

    private static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private final URI base;
    /** Host and, with a key, Authorization: each line with its CRLF. */
    private final String headers;

    private final int readTimeoutMillis;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    PlainHttpConnection(URI base, int readTimeoutMillis) {
        this(base, readTimeoutMillis, ApiKey.NONE);
    }

    PlainHttpConnection(URI base, int readTimeoutMillis, ApiKey key) {
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("the URL must start with http:// or https://, got " + base);
        }
        this.base = base;
        this.headers = hostHeader(base) + key.headerLine();
        this.readTimeoutMillis = readTimeoutMillis;
    }

    /** The Host header line of requests to {@code base}, with its CRLF. */
    static String hostHeader(URI base) {
        return "Host: " + (base.getPort() < 0 ? base.getHost() : base.getHost() + ":" + base.getPort()) + "\r\n";
    }

    /** POSTs {@code json} to {@code path}; reconnects once if the server had closed an idle connection. */
    Response postJson(String path, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST " + path + " HTTP/1.1\r\n" + headers
                        + "Content-Type: application/json\r\nAccept: application/json\r\nContent-Length: "
                        + body.length
                        + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        return send(request);
    }

    /** Sends {@code request} (head and body, as built by {@link RequestBytes}) and reads the answer; as postJson. */
    Response send(byte[] request) throws IOException {
        boolean reused = socket != null;
        try {
            return exchange(request);
        } catch (ClosedBeforeAnswer e) {
            close();
            if (!reused) {
                throw e;
            }
            // a kept-alive connection the server had closed while idle (it closed without answering, so it did not
            // take the request): one fresh attempt. Any other failure is not retried: the POST may have arrived.
            return exchange(request);
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    /**
     * GETs an event stream ({@code text/event-stream}) and returns its body as it arrives, de-chunked; the connection
     * is then the stream's, until {@link #close()}.
     *
     * @throws IOException with the status and the start of the body if the answer is not 200
     */
    InputStream openEventStream(String path) throws IOException {
        connect();
        out.write(("GET " + path + " HTTP/1.1\r\n" + headers + "Accept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        Head head = readHead();
        if (head.status() != 200) {
            byte[] body = head.chunked()
                    ? readChunked()
                    : head.contentLength() >= 0 ? readFixed(head.contentLength()) : new byte[0];
            String text = new String(body, StandardCharsets.UTF_8);
            throw new IOException("HTTP " + head.status()
                    + (text.isBlank() ? "" : ": " + text.substring(0, Math.min(200, text.length()))));
        }
        return head.chunked() ? new ChunkedBody(in) : in;
    }

    /** The connection ended before a single byte of the answer. */
    private static final class ClosedBeforeAnswer extends IOException {
        ClosedBeforeAnswer() {
            super("the server closed the connection without answering");
        }
    }

    private Response exchange(byte[] request) throws IOException {
        if (socket == null) {
            connect();
        }
        try {
            out.write(request);
            out.flush();
        } catch (IOException e) {
            throw new ClosedBeforeAnswer(); // the request did not get out whole
        }
        return readResponse();
    }

    private void connect() throws IOException {
        boolean tls = base.getScheme().equalsIgnoreCase("https");
        int port = base.getPort() >= 0 ? base.getPort() : tls ? 443 : 80;
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.connect(new InetSocketAddress(base.getHost(), port), CONNECT_TIMEOUT_MILLIS);
        if (tls) {
            // layered on the connected socket so SNI carries the host name; a raw SSLSocket checks the certificate's
            // chain but not that it names this host, so hostname verification is switched on explicitly
            SSLSocket secured = (SSLSocket)
                    ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(s, base.getHost(), port, true);
            SSLParameters parameters = secured.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            secured.setSSLParameters(parameters);
            s = secured;
        }
        s.setSoTimeout(readTimeoutMillis);
        socket = s;
        in = new BufferedInputStream(s.getInputStream(), 8192);
        out = s.getOutputStream();
    }

    private Response readResponse() throws IOException {
        Head head = readHead();
        byte[] body = head.chunked() ? readChunked() : readFixed(head.contentLength());
        if (head.close()) {
            close();
        }
        return new Response(head.status(), new String(body, StandardCharsets.UTF_8));
    }

    /** A response's status line and the headers that say how its body is framed. */
    private record Head(int status, long contentLength, boolean chunked, boolean close) {}

    private Head readHead() throws IOException {
        String statusLine = readLine();
        if (statusLine == null) {
            throw new ClosedBeforeAnswer();
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x status line: " + statusLine);
        }
        int status = parseInt(parts[1], "status");
        long contentLength = -1;
        boolean chunked = false;
        boolean close = parts[0].equals("HTTP/1.0");
        int headerBytes = 0;
        for (String line = readLine(); ; line = readLine()) {
            if (line == null) {
                throw new IOException("the server closed the connection inside the headers");
            }
            if (line.isEmpty()) {
                break;
            }
            headerBytes += line.length();
            if (headerBytes > MAX_HEADER_BYTES) {
                throw new IOException("response headers over " + MAX_HEADER_BYTES + " bytes");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> contentLength = parseInt(value, "Content-Length");
                case "transfer-encoding" ->
                    chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> close |= value.equalsIgnoreCase("close");
                default -> {}
            }
        }
        return new Head(status, contentLength, chunked, close);
    }

    private byte[] readFixed(long length) throws IOException {
        if (length < 0) {
            throw new IOException("a response without Content-Length or chunked encoding");
        }
        if (length > MAX_BODY_BYTES) {
            throw new IOException("a response body of " + length + " bytes");
        }
        byte[] body = in.readNBytes((int) length);
        if (body.length != length) {
            throw new IOException("the server closed the connection inside the body");
        }
        return body;
    }

    private byte[] readChunked() throws IOException {
        byte[] body = new ChunkedBody(in).readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw new IOException("a chunked body over " + MAX_BODY_BYTES + " bytes");
        }
        return body;
    }

    /** A header line without its CRLF, or null at end of stream before any byte. */
    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder(64);
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            if (line.length() >= MAX_HEADER_BYTES) {
                throw new IOException("a response line over " + MAX_HEADER_BYTES + " bytes");
            }
            line.append((char) b);
        }
        return line.length() == 0 ? null : line.toString();
    }

    private static int parseInt(String value, String what) throws IOException {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IOException("a bad " + what + ": " + value);
        }
    }

    @Override
    public void close() {
        Socket s = socket;
        socket = null;
        in = null;
        out = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
