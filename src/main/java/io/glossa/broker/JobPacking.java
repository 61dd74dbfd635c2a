package io.glossa.broker;

import io.glossa.pipeline.Job;
import io.glossa.pipeline.Lane;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a publish into messages: jobs of one lane, in order, at most {@code jobsPerMessage} and about
 * {@link #MAX_PACKED_BYTES} per message. A message of one job is the talk's single-job body; a bigger one the
 * multi-job body. Packing is what makes the broker's and the database's work per text shrink under load: the relay
 * publishes what arrived since its last confirm, so a quiet system still sends one job per message.
 */
final class JobPacking {
    /**
     * Far below any sane {@code --max-job-bytes} (default 1 MiB; a worker refuses bigger bodies as malformed), and
     * room for hundreds of short texts; a bigger text goes alone.
     */
    static final int MAX_PACKED_BYTES = 64 * 1024;
    /** Room for the id, the field names and the submission time of one job in a multi-job body. */
    private static final int BYTES_PER_JOB = 120;

    private JobPacking() {
    }

    static List<List<Job>> pack(List<Job> jobs, int jobsPerMessage) {
        if (jobsPerMessage < 1) {
            throw new IllegalArgumentException("jobs per message must be at least 1, got " + jobsPerMessage);
        }
        Map<Lane, List<Job>> open = new EnumMap<>(Lane.class);
        Map<Lane, Integer> openBytes = new EnumMap<>(Lane.class);
        List<List<Job>> messages = new ArrayList<>();
        for (Job job : jobs) {
            int bytes = BYTES_PER_JOB + 3 * job.text().length(); // UTF-8 takes at most 3 bytes per char
            List<Job> current = open.get(job.lane());
            if (current != null && (current.size() == jobsPerMessage
                    || openBytes.get(job.lane()) + bytes > MAX_PACKED_BYTES)) {
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
