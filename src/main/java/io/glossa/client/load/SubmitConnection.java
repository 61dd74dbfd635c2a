package io.glossa.client.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * One non-blocking keep-alive HTTP/1.1 connection of the {@link SubmitLoop}, with at most one request in flight.
 * It stays registered for reading while idle, so a server that closes it is noticed before it is used again.
 */
final class SubmitConnection {
    private static final int MAX_ANSWER_BYTES = 16 * 1024 * 1024 + 64 * 1024;

    /** The connection ended before a single byte of the answer: the server did not take the request. */
    static final class ClosedBeforeAnswer extends IOException {
        ClosedBeforeAnswer() {
            super("the server closed the connection without answering");
        }
    }

    private final SocketChannel channel;
    private final SelectionKey key;
    private boolean connected;
    private ByteBuffer out;
    private byte[] in = new byte[8 * 1024];
    private int inLength;

    /** The request in flight: its first text, -1 while idle. */
    private long first = -1;

    private int texts;
    private byte[] request;
    private long sentAt;
    /** An answer came over this connection before: a failure may be a kept-alive connection the server closed. */
    private boolean reused;

    private SubmitConnection(SocketChannel channel, Selector selector, boolean connected) throws IOException {
        this.channel = channel;
        this.connected = connected;
        this.key = channel.register(selector, connected ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT, this);
    }

    static SubmitConnection open(Selector selector, InetSocketAddress server) throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            return new SubmitConnection(channel, selector, channel.connect(server));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Sends texts {@code first} to {@code first + n - 1} as {@code request} (whole, as written once connected). */
    void start(long first, int n, byte[] request, long now) throws IOException {
        this.first = first;
        this.texts = n;
        this.request = request;
        this.sentAt = now;
        this.out = ByteBuffer.wrap(request);
        if (connected) {
            flush();
        }
    }

    void finishConnect() throws IOException {
        channel.finishConnect();
        connected = true;
        if (out != null && out.hasRemaining()) {
            flush();
        } else {
            key.interestOps(SelectionKey.OP_READ);
        }
    }

    void flush() throws IOException {
        try {
            channel.write(out);
        } catch (IOException e) {
            throw new ClosedBeforeAnswer(); // the request did not get out whole
        }
        key.interestOps(out.hasRemaining() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
    }

    /**
     * Reads what has arrived: the whole answer to the request in flight, or null while it is incomplete.
     *
     * @throws ClosedBeforeAnswer if the server closed the connection before any byte of an answer
     */
    ResponseFrame read() throws IOException {
        if (inLength == in.length) {
            if (in.length >= MAX_ANSWER_BYTES) {
                throw new IOException("an answer over " + MAX_ANSWER_BYTES + " bytes");
            }
            in = java.util.Arrays.copyOf(in, Math.min(in.length * 2, MAX_ANSWER_BYTES));
        }
        int n = channel.read(ByteBuffer.wrap(in, inLength, in.length - inLength));
        if (n < 0) {
            if (inLength == 0) {
                throw new ClosedBeforeAnswer();
            }
            throw new IOException("the server closed the connection inside an answer");
        }
        if (n == 0) {
            return null;
        }
        inLength += n;
        if (first < 0) {
            throw new IOException("the server sent bytes nobody asked for");
        }
        ResponseFrame frame = ResponseFrame.read(in, inLength);
        if (frame != null) {
            // the API answers one request with one response: nothing follows it until the next request
            inLength = 0;
            first = -1;
            out = null;
            reused = true;
        }
        return frame;
    }

    boolean busy() {
        return first >= 0;
    }

    long first() {
        return first;
    }

    int texts() {
        return texts;
    }

    byte[] request() {
        return request;
    }

    boolean reused() {
        return reused;
    }

    boolean connected() {
        return connected;
    }

    long sentAt() {
        return sentAt;
    }

    void close() {
        key.cancel();
        try {
            channel.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
