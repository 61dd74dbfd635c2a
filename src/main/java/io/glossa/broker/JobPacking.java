package io.glossa.broker;

import io.glossa.pipeline.Job;
import io.glossa.pipeline.Lane;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a publish into messages: jobs of one lane, in order, at most {@code jobsPerMessage} and at most about
 * {@code maxBytes} of body per message. A message of one job is the talk's single-job body; a bigger one the
 * multi-job body. Packing is what makes the broker's and the database's work per text shrink under load: the relay
 * publishes what arrived since its last confirm, so a quiet system still sends one job per message.
 *
 * @param maxBytes a worker refuses a body over its {@code --max-job-bytes} as malformed, and a malformed message
 *                 cannot fail its texts (they would stay pending): so a packed body stays under this, which the
 *                 API takes from its own {@code --max-job-bytes}. A single text bigger than that still goes alone.
 */
public record JobPacking(int jobsPerMessage, int maxBytes) {
    /** Room for hundreds of short texts; far below the default --max-job-bytes (1 MiB). */
    public static final int MAX_PACKED_BYTES = 64 * 1024;
    /** One job per message, as the talk did. */
    public static final JobPacking NONE = new JobPacking(1, MAX_PACKED_BYTES);
    /** Room for the id, the field names, the submission time and the traceparent of one job in a multi-job body. */
    private static final int BYTES_PER_JOB = 200;

    public JobPacking {
        if (jobsPerMessage < 1 || jobsPerMessage > JobMessageCodec.MAX_JOBS_PER_BODY) {
            throw new IllegalArgumentException("jobs per message must be at least 1 and at most "
                    + JobMessageCodec.MAX_JOBS_PER_BODY + ", got " + jobsPerMessage);
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("a packed message needs room, got " + maxBytes + " bytes");
        }
    }

    /** Up to {@code jobsPerMessage} jobs in at most {@link #MAX_PACKED_BYTES}. */
    public static JobPacking upTo(int jobsPerMessage) {
        return new JobPacking(jobsPerMessage, MAX_PACKED_BYTES);
    }

    List<List<Job>> pack(List<Job> jobs) {
        Map<Lane, List<Job>> open = new EnumMap<>(Lane.class);
        Map<Lane, Integer> openBytes = new EnumMap<>(Lane.class);
        List<List<Job>> messages = new ArrayList<>();
        for (Job job : jobs) {
            int bytes = BYTES_PER_JOB + 3 * job.text().length(); // UTF-8 takes at most 3 bytes per char
            List<Job> current = open.get(job.lane());
            if (current != null && (current.size() == jobsPerMessage || openBytes.get(job.lane()) + bytes > maxBytes)) {
                current = null;
            }
            if (current == null) {
                current = new ArrayList<>();
                open.put(job.lane(), current);
                openBytes.put(job.lane(), 0);
                messages.add(current);
            }
            current.add(job);
            openBytes.merge(job.lane(), bytes, Integer::sum);
        }
        return messages;
    }
}
