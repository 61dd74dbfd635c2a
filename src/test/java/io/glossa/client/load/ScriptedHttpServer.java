package io.glossa.client.load;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;

/**
 * A scripted HTTP/1.1 server on a real socket for the load tool's connection tests: it serves connections one after
 * another, and {@code answer.apply(n)} is the raw answer to the n-th request (null: close the connection instead).
 */
final class ScriptedHttpServer implements AutoCloseable {
    private final ServerSocket socket;
    private final List<String> requestBodies = new CopyOnWriteArrayList<>();
    private final List<Integer> connectionsSeen = new CopyOnWriteArrayList<>();

    private ScriptedHttpServer(IntFunction<String> answer) throws IOException {
        socket = new ServerSocket(0);
        Thread thread = new Thread(() -> serve(answer));
        thread.setDaemon(true);
        thread.start();
    }

    static ScriptedHttpServer start(IntFunction<String> answer) throws IOException {
        return new ScriptedHttpServer(answer);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    /** The bodies of the requests, in arrival order. */
    List<String> requestBodies() {
        return requestBodies;
    }

    /** For each request, the number of the connection it came on (1 = the first). */
    List<Integer> connectionsSeen() {
        return connectionsSeen;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void serve(IntFunction<String> answer) {
        int requests = 0;
        int connections = 0;
        while (!socket.isClosed()) {
            try (Socket connection = socket.accept()) {
                connections++;
                InputStream in = new BufferedInputStream(connection.getInputStream());
                OutputStream out = connection.getOutputStream();
                while (true) {
                    int length = readHead(in);
                    if (length < 0) {
                        break;
                    }
                    requestBodies.add(new String(in.readNBytes(length), StandardCharsets.UTF_8));
                    connectionsSeen.add(connections);
                    String raw = answer.apply(requests++);
                    if (raw == null) {
                        break;
                    }
                    out.write(raw.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Reads a request head; returns its Content-Length (0 without one), or -1 at the end of the connection. */
    private static int readHead(InputStream in) throws IOException {
        String line = readLine(in);
        if (line == null) {
            return -1;
        }
        int length = 0;
        while (!(line = readLine(in)).isEmpty()) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        return length;
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                return line.length() == 0 ? null : line.toString();
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }
}
