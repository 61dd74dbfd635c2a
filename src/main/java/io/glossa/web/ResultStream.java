package io.glossa.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.glossa.pipeline.ResultEvent;
import io.glossa.pipeline.ResultFanout;
import io.glossa.pipeline.ResultListener;
import io.javalin.Javalin;
import io.javalin.http.sse.SseClient;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/events}: every result as a server-sent event ("result", JSON data, the text id as event id),
 * with keep-alive comments. Each client has a bounded queue drained on a pool thread, so a slow client can never
 * block the thread delivering results; a client that falls too far behind is disconnected (it can re-read by id).
 */
final class ResultStream implements AutoCloseable {
    static final String PATH = "/api/v1/events";
    private static final Logger LOG = LoggerFactory.getLogger(ResultStream.class);
    private static final int QUEUE_LIMIT = 50_000;

    private final ResultFanout fanout;
    private final TextJson json;
    private final ObjectMapper mapper;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final ExecutorService writers = Executors.newCachedThreadPool(daemon("glossa-sse-writer"));
    private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(daemon("glossa-sse-keepalive"));

    ResultStream(ResultFanout fanout, TextJson json, ObjectMapper mapper, ApiSettings settings) {
        this.fanout = fanout;
        this.json = json;
        this.mapper = mapper;
        long period = settings.keepAlive().toMillis();
        keepAlive.scheduleAtFixedRate(() -> subscribers.forEach(Subscriber::ping), period, period, TimeUnit.MILLISECONDS);
    }

    void register(Javalin app) {
        app.sse(PATH, this::subscribe);
    }

    int clients() {
        return subscribers.size();
    }

    private void subscribe(SseClient client) {
        client.keepAlive();
        Subscriber subscriber = new Subscriber(client);
        subscribers.add(subscriber);
        fanout.add(subscriber);
        client.onClose(() -> {
            fanout.remove(subscriber);
            subscribers.remove(subscriber);
        });
        synchronized (client) {
            client.sendComment("connected");
        }
    }

    @Override
    public void close() {
        keepAlive.shutdownNow();
        subscribers.forEach(s -> s.client.close());
        writers.shutdownNow();
    }

    private final class Subscriber implements ResultListener {
        private final SseClient client;
        private final ArrayBlockingQueue<ResultEvent> queue = new ArrayBlockingQueue<>(QUEUE_LIMIT);
        private final AtomicBoolean draining = new AtomicBoolean();
        private final SseFrames frames = new SseFrames(mapper);   // used by one drain at a time

        Subscriber(SseClient client) {
            this.client = client;
        }

        @Override
        public void onResult(ResultEvent event) {
            if (!queue.offer(event)) {
                LOG.warn("an event stream client fell {} events behind; disconnecting it", QUEUE_LIMIT);
                client.close();
                return;
            }
            if (draining.compareAndSet(false, true)) {
                writers.execute(this::drain);
            }
        }

        private void drain() {
            try {
                writeQueued();
            } finally {
                draining.set(false);
            }
            // an event offered after the loop ended but before the flag dropped must not wait for the next one
            if (!queue.isEmpty() && draining.compareAndSet(false, true)) {
                writers.execute(this::drain);
            }
        }

        /** Writes what is queued in bursts of up to {@link SseFrames#FLUSH_BYTES}, one write and flush each. */
        private void writeQueued() {
            try {
                ResultEvent event;
                while (!client.terminated() && (event = queue.poll()) != null) {
                    do {
                        frames.add("result", event.id().toString(), json.event(event));
                    } while (!frames.full() && (event = queue.poll()) != null);
                    synchronized (client) {   // keep-alive pings write to the same stream
                        frames.writeTo(client.ctx().res().getOutputStream());
                    }
                }
            } catch (java.io.IOException e) {
                client.close();   // the client went away; it can re-read its results by id
            }
        }

        void ping() {
            if (queue.isEmpty() && !client.terminated()) {
                synchronized (client) {
                    client.sendComment("keep-alive");
                }
            }
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            return t;
        };
    }
}
