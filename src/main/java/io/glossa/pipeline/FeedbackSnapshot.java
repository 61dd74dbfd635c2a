package io.glossa.pipeline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every stored feedback label at one moment, as training and evaluation use them: one label per text, the newest
 * (the user's last word), in the order the labels were given. Its provenance — how many rows, which ids and times,
 * and a SHA-256 over every row read — goes into a model trained on it, so the exact labels can be told apart later.
 *
 * @param labels one label per text, oldest first (by the id of the label that counts)
 * @param rows feedback rows read, including labels a newer one for the same text replaced
 * @param firstId smallest feedback id read (0 when there is none)
 * @param lastId largest feedback id read (0 when there is none)
 * @param from time of the oldest row (null when there is none)
 * @param to time of the newest row (null when there is none)
 * @param sha256 hex SHA-256 over "id TAB text id TAB language TAB text LF" of every row read, in id order
 */
public record FeedbackSnapshot(
        List<FeedbackLabel> labels, long rows, long firstId, long lastId, Instant from, Instant to, String sha256) {
    private static final int PAGE = 10_000;

    public FeedbackSnapshot {
        labels = List.copyOf(labels);
    }

    /** Reads all labels, page by page (memory grows with the number of labels, not with the texts table). */
    public static FeedbackSnapshot read(FeedbackStore store) {
        MessageDigest digest = newDigest();
        Map<UUID, FeedbackLabel> newest = new LinkedHashMap<>();
        long rows = 0;
        long firstId = 0;
        long lastId = 0;
        Instant from = null;
        Instant to = null;
        for (List<FeedbackLabel> page = store.labels(0, PAGE); !page.isEmpty(); page = store.labels(lastId, PAGE)) {
            for (FeedbackLabel label : page) {
                rows++;
                firstId = firstId == 0 ? label.feedbackId() : firstId;
                lastId = label.feedbackId();
                from = from == null || label.createdAt().isBefore(from) ? label.createdAt() : from;
                to = to == null || label.createdAt().isAfter(to) ? label.createdAt() : to;
                digest.update((label.feedbackId() + "\t" + label.textId() + "\t" + label.language() + "\t"
                                + label.text() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
                newest.remove(label.textId()); // re-inserted: the order is that of the label that counts
                newest.put(label.textId(), label);
            }
        }
        return new FeedbackSnapshot(
                new ArrayList<>(newest.values()),
                rows,
                firstId,
                lastId,
                from,
                to,
                HexFormat.of().formatHex(digest.digest()));
    }

    public boolean isEmpty() {
        return rows == 0;
    }

    /** One line for people: "feedback: 12 labels for 10 texts, ids 3..17, 2026-…Z..2026-…Z". */
    public String describe() {
        if (isEmpty()) {
            return "feedback: no labels";
        }
        return "feedback: " + rows + " labels for " + labels.size() + " texts, ids " + firstId + ".." + lastId + ", "
                + from + ".." + to;
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
