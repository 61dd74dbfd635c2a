package io.glossa.broker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Qpid logs every connection, queue and startup step at INFO; in glossa only its warnings matter. */
final class QpidLogging {
    private static final String[] NOISY = {"org.apache.qpid", "qpid.message", "qpid.statistics", "com.sleepycat"};

    private QpidLogging() {}

    static void quiet() {
        for (String name : NOISY) {
            if (LoggerFactory.getLogger(name) instanceof Logger logger && logger.getLevel() == null) {
                // only when nobody configured it (e.g. in logback.xml), so an operator can still turn it up
                logger.setLevel(Level.WARN);
            }
        }
    }
}
