package io.glossa.pipeline;

import java.util.Locale;

/** Realtime jobs come from interactive clients; batch jobs from uploads and re-verification. */
public enum Lane {
    REALTIME,
    BATCH;

    /** The AMQP routing key and the stored value. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Lane fromKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
