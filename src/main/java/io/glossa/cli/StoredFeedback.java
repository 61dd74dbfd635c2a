package io.glossa.cli;

import io.glossa.corpus.LabeledText;
import io.glossa.pipeline.FeedbackLabel;
import io.glossa.pipeline.FeedbackSnapshot;
import io.glossa.store.Database;
import java.time.Clock;
import java.util.List;

/** The feedback labels users gave in the UI/API, read from the store for {@code train} and {@code evaluate --feedback}. */
final class StoredFeedback {
    private StoredFeedback() {}

    static FeedbackSnapshot read(StoreOptions store) {
        try (Database database = store.openDatabase()) {
            return FeedbackSnapshot.read(database.feedback(Clock.systemUTC()));
        }
    }

    static List<LabeledText> texts(List<FeedbackLabel> labels) {
        return labels.stream().map(l -> new LabeledText(l.language(), l.text())).toList();
    }
}
