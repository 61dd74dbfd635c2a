package io.glossa.concurrent;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way glossa makes threads: named "glossa-…" (for thread dumps and logs), daemon (never keeping the JVM up),
 * and logging an uncaught exception with the thread's name rather than printing it to stderr.
 */
public final class Threads {
    private static final Logger LOG = LoggerFactory.getLogger(Threads.class);
    private static final String PREFIX = "glossa-";

    private Threads() {}

    /** A factory for a pool: its threads are named "glossa-{@code name}-1", "glossa-{@code name}-2", …. */
    public static ThreadFactory daemonFactory(String name) {
        String prefix = PREFIX + checked(name) + "-";
        AtomicInteger number = new AtomicInteger();
        return runnable -> configured(new Thread(runnable, prefix + number.incrementAndGet()));
    }

    /**
     * One long-lived thread named "glossa-{@code name}", not started: operators and tests find it by that exact name
     * (e.g. "glossa-outbox-marker").
     */
    public static Thread daemon(String name, Runnable body) {
        return configured(new Thread(body, PREFIX + checked(name)));
    }

    /** Logs an exception that ended a thread; a thread's own catch blocks stay the place to handle expected ones. */
    static void logUncaught(Thread thread, Throwable e) {
        LOG.error(
                "thread {} died of an uncaught {}",
                thread.getName(),
                e.getClass().getSimpleName(),
                e);
    }

    private static Thread configured(Thread thread) {
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler(Threads::logUncaught);
        return thread;
    }

    private static String checked(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a thread needs a name (it shows in thread dumps and logs)");
        }
        return name.startsWith(PREFIX) ? name.substring(PREFIX.length()) : name;
    }
}
