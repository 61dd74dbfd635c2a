package io.glossa.cli;

import io.glossa.corpus.LabeledText;
import io.glossa.model.TrainingFile;
import io.glossa.pipeline.FeedbackLabel;
import io.glossa.pipeline.FeedbackSnapshot;
import io.glossa.store.Database;
import io.glossa.store.JdbcFeedback;
import java.time.Clock;
import java.util.List;

/** The feedback labels users gave in the UI/API, read from the store for {@code train} and {@code evaluate --feedback}. */
final class StoredFeedback {
    private StoredFeedback() {
    }

    static FeedbackSnapshot read(StoreOptions store) {
        try (Database database = store.openDatabase()) {
            return FeedbackSnapshot.read(new JdbcFeedback(database, Clock.systemUTC()));
        }
    }

    static List<LabeledText> texts(List<FeedbackLabel> labels) {
        return labels.stream().map(l -> new LabeledText(l.language(), l.text())).toList();
    }

    /**
     * The feedback as a model's provenance entry beside its training files: the name says what was read (rows, ids,
     * time range), the checksum is the snapshot's SHA-256, lines = rows read, used = texts trained on (times the
     * weight is not counted), bad = labels left out (a language the training files do not have).
     */
    static TrainingFile provenance(FeedbackSnapshot feedback, long used, long skipped) {
        return new TrainingFile(feedback.describe(), feedback.sha256(), feedback.rows(), used, skipped);
    }
}
