package io.glossa.client.load;

import io.glossa.concurrent.Threads;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends a run's texts to an https URL: a thread per connection, each POSTing over a blocking
 * {@link PlainHttpConnection} (TLS is layered on its socket), the calling thread keeping the schedule. Plain http
 * goes through the cheaper {@link SubmitLoop}.
 */
final class ThreadedSubmitter {
    private static final int SUBMIT_TIMEOUT_MILLIS = 30_000;

    private final LoadSettings settings;
    private final Schedule schedule;
    private final RequestBytes requests;
    private final Answers answers;
    /** Due submissions waiting for a free connection; their wait counts as latency (open loop). */
    private final LinkedBlockingQueue<Submission> submissions = new LinkedBlockingQueue<>();

    ThreadedSubmitter(LoadSettings settings, Schedule schedule, RequestBytes requests, Answers answers) {
        this.settings = settings;
        this.schedule = schedule;
        this.requests = requests;
        this.answers = answers;
    }

    /** Texts {@code first..first+n-1} in one request, holding one permit of {@code inFlight}. */
    private record Submission(long first, int n, byte[] request, Semaphore inFlight) {
        static final Submission END = new Submission(-1, 0, new byte[0], null);
    }

    /** Sends every planned text and returns once each request is answered or has failed. */
    void run() throws InterruptedException {
        List<Thread> connections = startConnections();
        try {
            send();
        } finally {
            connections.forEach(c -> submissions.add(Submission.END));
        }
    }

    /** As many connections as submissions may be in flight, so a free permit always finds a free connection. */
    private List<Thread> startConnections() {
        List<Thread> threads = new ArrayList<>(settings.concurrency());
        for (int i = 0; i < settings.concurrency(); i++) {
            Thread thread = Threads.daemon("load-" + i, this::submitOnOneConnection);
            thread.start();
            threads.add(thread);
        }
        return threads;
    }

    private void send() throws InterruptedException {
        Semaphore inFlight = new Semaphore(settings.concurrency());
        long i = 0;
        while (i < schedule.planned()) {
            long wait = schedule.sendAt(i) - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                continue;
            }
            inFlight.acquire();
            int n = schedule.texts(i);
            submissions.add(new Submission(i, n, requests.request(i, n), inFlight));
            i += n;
        }
        inFlight.acquire(settings.concurrency()); // every submission answered
    }

    /** One connection's loop: takes due submissions and POSTs them, one at a time, until the run ends. */
    @SuppressWarnings("ReferenceEquality") // END is a sentinel instance put on the queue to stop the loop
    private void submitOnOneConnection() {
        try (PlainHttpConnection connection =
                new PlainHttpConnection(settings.baseUrl(), SUBMIT_TIMEOUT_MILLIS, settings.apiKey())) {
            while (true) {
                Submission next = submissions.take();
                if (next == Submission.END) {
                    return;
                }
                try {
                    PlainHttpConnection.Response response = connection.send(next.request());
                    byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
                    answers.answered(
                            next.first(),
                            next.n(),
                            new ResponseFrame(response.status(), body, 0, body.length, 0, false),
                            System.nanoTime());
                } catch (IOException | RuntimeException e) {
                    answers.failed(next.n(), e.toString());
                } finally {
                    next.inFlight().release();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
