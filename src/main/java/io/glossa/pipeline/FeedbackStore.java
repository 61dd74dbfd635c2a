package io.glossa.pipeline;

import java.util.List;
import java.util.UUID;

/** Labels users give to texts; kept with their text (by id) for the model lifecycle. */
public interface FeedbackStore {
    /**
     * Stores one label; several labels for one text are all kept (the newest is the user's last word).
     * @throws UnknownTextException if no text has that id
     */
    Feedback add(UUID textId, String language);

    /** Labels with their texts, oldest first, those with a feedback id above {@code afterId} (0 = from the start). */
    List<FeedbackLabel> labels(long afterId, int limit);
}
