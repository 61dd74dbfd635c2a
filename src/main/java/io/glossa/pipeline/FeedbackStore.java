package io.glossa.pipeline;

import java.util.List;
import java.util.UUID;

/** Labels users give to texts; kept with their text (by id) for the model lifecycle. */
public interface FeedbackStore {
    /**
     * Stores one label with its author; several labels for one text are all kept (the newest is the user's last word).
     * @throws UnknownTextException if no text has that id, or {@code author} may not see it (so it is as unknown)
     */
    Feedback add(UUID textId, String language, Requester author);

    /** A label given without a key (keys not required). */
    default Feedback add(UUID textId, String language) {
        return add(textId, language, Requester.UNKEYED);
    }

    /**
     * Labels with their texts, oldest first, those with a feedback id above {@code afterId} (0 = from the start): only
     * those whose author owns the text, was an admin key, or gave it without a key (keys not required, or before
     * migration V9), so that one key cannot relabel another's texts and poison the next model.
     */
    List<FeedbackLabel> labels(long afterId, int limit);
}
