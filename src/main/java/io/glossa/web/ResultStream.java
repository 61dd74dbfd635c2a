package io.glossa.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.glossa.concurrent.Threads;
import io.glossa.pipeline.Requester;
import io.glossa.pipeline.ResultEvent;
import io.glossa.pipeline.ResultFanout;
import io.glossa.pipeline.ResultListener;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/events}: results as server-sent events ("result", JSON data, the text id as event id), with
 * keep-alive comments: a key's own results only (the owner travels in the result event, so no database lookup per
 * event), every result for an admin key or when keys are not required. Each client has a bounded queue drained by a small fixed pool of writers, so a slow
 * client can never block the thread delivering results; a client that falls too far behind is disconnected (it can
 * re-read by id). Streams are capped overall and per API key ({@link StreamSlots}), and a stream whose key is
 * revoked is closed ({@link RevocationWatch}).
 */
final class ResultStream implements AutoCloseable {
    static final String PATH = "/api/v1/events";
    static final String MEDIA_TYPE = "text/event-stream";
    private static final Logger LOG = LoggerFactory.getLogger(ResultStream.class);
    /** Ten seconds of results at 1,000/s; at most 40 KB of references per stream when full. */
    static final int QUEUE_LIMIT = 10_000;
    /** Writers block while a client's socket is full, so a few more than the cores keep the others going. */
    private static final int WRITERS = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    private static final String RELEASE_ATTRIBUTE = "glossa.streamSlot";

    private final ResultFanout fanout;
    private final TextJson json;
    private final StreamSlots slots;
    private final RevocationWatch revocations;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final ExecutorService writers = Executors.newFixedThreadPool(WRITERS, Threads.daemonFactory("sse-writer"));
    /** One frame buffer per writer thread: a drain writes out all it gathered before it returns. */
    private final ThreadLocal<SseFrames> frames;

    private final ScheduledExecutorService keepAlive =
            Executors.newSingleThreadScheduledExecutor(Threads.daemonFactory("sse-keepalive"));
    private final ScheduledFuture<?> pings;
    private final SseHandler handler = new SseHandler(this::subscribe);

    ResultStream(
            ResultFanout fanout,
            TextJson json,
            ObjectMapper mapper,
            ApiSettings settings,
            RevocationWatch revocations) {
        this.fanout = fanout;
        this.json = json;
        this.slots = new StreamSlots(settings.maxEventStreams(), settings.maxEventStreamsPerKey());
        this.revocations = revocations;
        this.frames = ThreadLocal.withInitial(() -> new SseFrames(mapper));
        long period = settings.keepAlive().toMillis();
        pings = keepAlive.scheduleAtFixedRate(
                () -> subscribers.forEach(Subscriber::ping), period, period, TimeUnit.MILLISECONDS);
    }

    void register(RoutesConfig routes) {
        routes.get(PATH, this::open);
    }

    int clients() {
        return subscribers.size();
    }

    /** False once the keep-alive timer stopped by itself (an Error in a periodic task ends it for good). */
    boolean alive() {
        return !pings.isDone() || keepAlive.isShutdown();
    }

    private void open(Context ctx) throws Exception {
        String accept = ctx.header("Accept");
        // exactly this value, as Javalin's SSE handler requires (anything else got an empty 200 from it)
        if (!MEDIA_TYPE.equals(accept)) {
            throw new ProblemException(
                    406,
                    "not-acceptable",
                    "Not Acceptable",
                    "this endpoint streams server-sent "
                            + "events: send 'Accept: " + MEDIA_TYPE + "' (EventSource does), or read a text by id at "
                            + TextJson.TEXTS_PATH + "/{id}");
        }
        PresentedKey key = ctx.attribute(AccessControl.KEY_ATTRIBUTE);
        Runnable release;
        try {
            release = slots.take(key == null ? null : key.key().id());
        } catch (ProblemException full) {
            ctx.header("Retry-After", StreamSlots.RETRY_AFTER_SECONDS);
            throw full;
        }
        ctx.attribute(RELEASE_ATTRIBUTE, release);
        try {
            handler.handle(ctx);
        } catch (RuntimeException e) {
            release.run();
            throw e;
        }
    }

    private void subscribe(SseClient client) {
        client.keepAlive();
        Subscriber subscriber = new Subscriber(client, Requesters.of(client.ctx()));
        PresentedKey key = client.ctx().attribute(AccessControl.KEY_ATTRIBUTE);
        RevocationWatch.Registration watched = key == null
                ? () -> {}
                : revocations.watch(key, () -> {
                    LOG.info(
                            "closing an event stream: its API key {} was revoked",
                            key.key().id());
                    client.close();
                });
        Runnable release = client.ctx().attribute(RELEASE_ATTRIBUTE);
        subscribers.add(subscriber);
        fanout.add(subscriber);
        client.onClose(() -> {
            fanout.remove(subscriber);
            subscribers.remove(subscriber);
            watched.close();
            release.run();
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
        private final Requester requester;
        private final EventQueue<ResultEvent> queue = new EventQueue<>(QUEUE_LIMIT);
        private final AtomicBoolean draining = new AtomicBoolean();

        Subscriber(SseClient client, Requester requester) {
            this.client = client;
            this.requester = requester;
        }

        @Override
        public void onResult(ResultEvent event) {
            if (!requester.sees(event.owner())) {
                return; // another key's result (or nobody's): this stream's key may not see it
            }
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
                writeQueued(frames.get());
            } finally {
                draining.set(false);
            }
            // an event offered after the loop ended but before the flag dropped must not wait for the next one
            if (!queue.isEmpty() && draining.compareAndSet(false, true)) {
                writers.execute(this::drain);
            }
        }

        /** Writes what is queued in bursts of up to {@link SseFrames#FLUSH_BYTES}, one write and flush each. */
        private void writeQueued(SseFrames burst) {
            try {
                ResultEvent event;
                while (!client.terminated() && (event = queue.poll()) != null) {
                    do {
                        burst.add("result", event.id().toString(), json.event(event));
                    } while (!burst.full() && (event = queue.poll()) != null);
                    synchronized (client) { // keep-alive pings write to the same stream
                        burst.writeTo(client.ctx().res().getOutputStream());
                    }
                }
            } catch (java.io.IOException e) {
                client.close(); // the client went away; it can re-read its results by id
            } finally {
                burst.reset(); // the next drain on this thread may be another client's
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
}
