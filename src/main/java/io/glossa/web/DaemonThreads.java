package io.glossa.web;

import java.util.concurrent.ThreadFactory;

/** Threads of the API's own timers and writers: named (for thread dumps and logs) and never keeping the JVM up. */
final class DaemonThreads {
    private DaemonThreads() {
    }

    static ThreadFactory named(String name) {
        return runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            return t;
        };
    }
}
