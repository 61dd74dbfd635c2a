package io.glossa.pipeline;

import java.util.UUID;

public final class UnknownTextException extends RuntimeException {
    public UnknownTextException(UUID id) {
        super("no text with id " + id);
    }
}
