package io.glossa.pipeline;

import java.util.Locale;

public enum TextStatus {
    PENDING,
    DONE,
    FAILED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
