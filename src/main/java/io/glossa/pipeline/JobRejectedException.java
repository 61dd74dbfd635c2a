package io.glossa.pipeline;

/**
 * Thrown by a {@link JobHandler} for a job that can never succeed (retrying is pointless): the adapter moves it to
 * the failed queue at once with this message as the reason. {@link UnknownTextException} is treated the same way.
 */
public class JobRejectedException extends Exception {
    public JobRejectedException(String reason) {
        super(reason);
    }

    public JobRejectedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
