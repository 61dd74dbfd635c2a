package io.glossa.telemetry;

import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OpenTelemetry SDK logs through java.util.logging (e.g. "Failed to export spans" while the collector is down);
 * this hands its records to glossa's log, so they come out in its format (one JSON object per line with
 * {@code --log-format json}) instead of JUL's multi-line stderr text. An export problem never fails glossa: at most
 * a warning, with the cause on the same line.
 */
final class SdkLogBridge extends Handler {
    /** Held so that the JUL logger, and with it this configuration, is not garbage-collected. */
    private static final java.util.logging.Logger SDK = java.util.logging.Logger.getLogger("io.opentelemetry");

    private static final Formatter MESSAGES = new SimpleFormatter();

    private SdkLogBridge() {}

    static synchronized void install() {
        for (Handler handler : SDK.getHandlers()) {
            if (handler instanceof SdkLogBridge) {
                return;
            }
        }
        SDK.setUseParentHandlers(false);
        SDK.addHandler(new SdkLogBridge());
    }

    @Override
    public void publish(LogRecord record) {
        Logger log = LoggerFactory.getLogger(record.getLoggerName() == null ? SDK.getName() : record.getLoggerName());
        String message =
                MESSAGES.formatMessage(record) + (record.getThrown() == null ? "" : " (" + record.getThrown() + ")");
        int level = record.getLevel().intValue();
        if (level >= Level.WARNING.intValue()) {
            log.warn("tracing: {}", message);
        } else if (level >= Level.INFO.intValue()) {
            log.info("tracing: {}", message);
        } else {
            log.debug("tracing: {}", message);
        }
    }

    @Override
    public void flush() {
        // nothing buffered
    }

    @Override
    public void close() {
        // nothing to release
    }
}
