package io.glossa.pipeline;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A fake of the FeedbackStore port over the in-memory text store; it passes the port's kit (InMemoryUiStoreTest). */
public final class InMemoryFeedback implements FeedbackStore {
    private static final int MAX_LANGUAGE_LENGTH = 16;

    private final InMemoryTextStore texts;
    private final Clock clock;
    private final List<Label> labels = new ArrayList<>();

    /** A label with the author it was given by, to decide later whether training may take it. */
    private record Label(Feedback feedback, Requester author) {}

    public InMemoryFeedback(InMemoryTextStore texts, Clock clock) {
        this.texts = texts;
        this.clock = clock;
    }

    @Override
    public synchronized Feedback add(UUID textId, String language, Requester author) {
        if (language == null || language.isBlank() || language.length() > MAX_LANGUAGE_LENGTH) {
            throw new IllegalArgumentException(
                    "a language code of 1 to " + MAX_LANGUAGE_LENGTH + " characters is needed");
        }
        if (texts.stored(textId).filter(stored -> author.sees(stored.owner())).isEmpty()) {
            throw new UnknownTextException(textId);
        }
        Instant now = clock.instant();
        Feedback feedback = new Feedback(labels.size() + 1, textId, language, now);
        labels.add(new Label(feedback, author));
        return feedback;
    }

    @Override
    public synchronized List<FeedbackLabel> labels(long afterId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        List<FeedbackLabel> found = new ArrayList<>();
        for (Label label : labels) {
            Feedback feedback = label.feedback();
            if (feedback.id() <= afterId || found.size() == limit) {
                continue;
            }
            texts.stored(feedback.textId())
                    .filter(stored -> vouches(label.author(), stored.owner()))
                    .ifPresent(stored -> found.add(new FeedbackLabel(
                            feedback.id(),
                            feedback.textId(),
                            stored.text(),
                            feedback.language(),
                            feedback.createdAt())));
        }
        return found;
    }

    /** The newest label per text, whoever gave it (a user's second opinion replaces the first), for comparisons. */
    public synchronized java.util.Map<UUID, String> newestLabels() {
        java.util.Map<UUID, String> newest = new java.util.HashMap<>();
        labels.forEach(
                label -> newest.put(label.feedback().textId(), label.feedback().language()));
        return newest;
    }

    /** Only a label given without a key, by the text's owner, or by an admin key may train a model. */
    private static boolean vouches(Requester author, Long owner) {
        return author.keyId() == null || author.keyId().equals(owner) || author.seesAll();
    }
}
