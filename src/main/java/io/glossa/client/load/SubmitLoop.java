package io.glossa.client.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends a run's texts over up to {@code --concurrency} keep-alive connections from the calling thread alone: one
 * {@link Selector} for all of them, each request's bytes written the moment it is due, each answer read as it
 * arrives. A thread per connection cost a thread wake-up (and its CPU) per request on a 2-core machine that also
 * runs the server being measured.
 *
 * <p>Due times are kept to the microsecond: a wait under a millisecond (the selector's unit) is a park, and answers
 * that arrive meanwhile are read at the next due time, so at 1,000 texts/s the submit latency is read up to 1 ms
 * late (the end-to-end latency is timed on the event stream's own thread, and is not).
 */
final class SubmitLoop {
    private static final long CONNECT_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final long ANSWER_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final long MILLI = 1_000_000;

    private final Schedule schedule;
    private final RequestBytes requests;
    private final Answers answers;
    private final int concurrency;
    private final InetSocketAddress server;

    private final List<SubmitConnection> open = new ArrayList<>();
    /** Idle connections, the last used on top: traffic stays on few connections. */
    private final ArrayDeque<SubmitConnection> idle = new ArrayDeque<>();

    private Selector selector;
    private int inFlight;
    private long lastTimeoutCheck;

    SubmitLoop(LoadSettings settings, Schedule schedule, RequestBytes requests, Answers answers) {
        this.schedule = schedule;
        this.requests = requests;
        this.answers = answers;
        this.concurrency = settings.concurrency();
        int port = settings.baseUrl().getPort();
        this.server = new InetSocketAddress(settings.baseUrl().getHost(), port < 0 ? 80 : port);
    }

    /** Sends every planned text and returns once each request is answered or has failed. */
    void run() throws IOException, InterruptedException {
        try (Selector s = Selector.open()) {
            selector = s;
            long next = 0;
            while (next < schedule.planned() || inFlight > 0) {
                next = sendDue(next);
                await(next);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        } finally {
            open.forEach(SubmitConnection::close);
            open.clear();
            idle.clear();
        }
    }

    /** Sends every request that is due while a connection is free; the index of the next text to send. */
    private long sendDue(long from) {
        long next = from;
        long now = System.nanoTime();
        while (next < schedule.planned() && schedule.sendAt(next) <= now) {
            int n = schedule.texts(next);
            SubmitConnection connection;
            try {
                connection = free();
            } catch (IOException | RuntimeException e) {
                answers.failed(n, e.toString());
                next += n;
                continue;
            }
            if (connection == null) {
                break; // all busy: the texts wait, and their wait counts (their latency runs from their due time)
            }
            inFlight++;
            start(connection, next, n, requests.request(next, n), now);
            next += n;
        }
        return next;
    }

    private void start(SubmitConnection connection, long first, int n, byte[] request, long now) {
        try {
            connection.start(first, n, request, now);
        } catch (IOException e) {
            broken(connection, e);
        }
    }

    /** An idle connection, else a new one while fewer than {@code concurrency} are open, else null. */
    private SubmitConnection free() throws IOException {
        SubmitConnection connection = idle.pollFirst();
        if (connection == null && open.size() < concurrency) {
            connection = SubmitConnection.open(selector, server);
            open.add(connection);
        }
        return connection;
    }

    /** Waits for the next due time or for the network, whichever comes first. */
    private void await(long next) throws IOException {
        boolean canSend = next < schedule.planned() && (!idle.isEmpty() || open.size() < concurrency);
        long wait = canSend ? schedule.sendAt(next) - System.nanoTime() : Long.MAX_VALUE;
        if (wait <= 0) {
            selector.selectNow(this::handle);
        } else if (wait < MILLI) {
            LockSupport.parkNanos(wait);
            selector.selectNow(this::handle);
        } else {
            selector.select(this::handle, Math.min(wait / MILLI, 1_000));
        }
        checkTimeouts();
    }

    private void handle(SelectionKey key) {
        SubmitConnection connection = (SubmitConnection) key.attachment();
        try {
            if (key.isConnectable()) {
                connection.finishConnect();
            }
            if (key.isValid() && key.isWritable()) {
                connection.flush();
            }
            if (key.isValid() && key.isReadable()) {
                read(connection);
            }
        } catch (IOException e) {
            broken(connection, e);
        }
    }

    private void read(SubmitConnection connection) throws IOException {
        long first = connection.first();
        int n = connection.texts();
        ResponseFrame answer = connection.read();
        if (answer == null) {
            return;
        }
        inFlight--;
        try {
            answers.answered(first, n, answer, System.nanoTime());
        } catch (RuntimeException e) {
            answers.failed(n, e.toString());
        }
        if (answer.close()) {
            retire(connection);
        } else {
            idle.push(connection);
        }
    }

    /**
     * A connection failed. The request on it fails too, except when a kept-alive connection turns out to have been
     * closed by the server before it took the request: that one goes once more, on a fresh connection. Any other
     * failure is not retried: the POST may have arrived.
     */
    private void broken(SubmitConnection connection, IOException e) {
        retire(connection);
        if (!connection.busy()) {
            return; // an idle connection the server closed
        }
        String why = e.toString();
        if (e instanceof SubmitConnection.ClosedBeforeAnswer && connection.reused()) {
            try {
                SubmitConnection fresh = SubmitConnection.open(selector, server);
                open.add(fresh);
                start(fresh, connection.first(), connection.texts(), connection.request(), connection.sentAt());
                return;
            } catch (IOException | RuntimeException again) {
                why = again.toString();
            }
        }
        inFlight--;
        answers.failed(connection.texts(), why);
    }

    private void retire(SubmitConnection connection) {
        connection.close();
        open.remove(connection);
        idle.remove(connection);
    }

    private void checkTimeouts() {
        long now = System.nanoTime();
        if (now - lastTimeoutCheck < TimeUnit.SECONDS.toNanos(1)) {
            return;
        }
        lastTimeoutCheck = now;
        for (SubmitConnection connection : List.copyOf(open)) {
            if (!connection.busy()) {
                continue;
            }
            long age = now - connection.sentAt();
            if (!connection.connected() && age > CONNECT_TIMEOUT_NANOS) {
                broken(connection, new java.net.SocketTimeoutException("connect timed out"));
            } else if (age > ANSWER_TIMEOUT_NANOS) {
                broken(connection, new java.net.SocketTimeoutException("no answer within 30 s"));
            }
        }
    }
}
