package io.glossa.app.training;

import io.glossa.corpus.BadLinePolicy;
import io.glossa.features.FeatureParams;
import io.glossa.model.TrainingParams;
import io.glossa.pipeline.FeedbackSnapshot;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What to train on and how.
 *
 * @param feedback       the stored feedback labels to add (read when needed, after the files), or empty
 * @param feedbackWeight how many times each feedback text is used
 * @param search         randomized search trials; 0 trains with {@code features} and {@code params} as given
 * @param folds          cross-validation folds per search trial
 * @param shortTextFragments one-word fragments per text for a short-text head; 0 fits none
 */
public record TrainingRequest(
        List<Path> data,
        BadLinePolicy badLines,
        Optional<Supplier<FeedbackSnapshot>> feedback,
        int feedbackWeight,
        int search,
        int folds,
        long seed,
        int threads,
        FeatureParams features,
        TrainingParams params,
        int shortTextFragments) {
    public TrainingRequest {
        data = List.copyOf(data);
        Objects.requireNonNull(badLines, "bad line policy");
        feedback = feedback == null ? Optional.empty() : feedback;
        if (search < 0 || (search > 0 && folds < 2) || threads < 1 || feedbackWeight < 1) {
            throw new IllegalArgumentException("search must be >= 0, folds >= 2 with a search, threads and feedback "
                    + "weight >= 1; got " + search + ", " + folds + ", " + threads + ", " + feedbackWeight);
        }
        Objects.requireNonNull(features, "feature params");
        Objects.requireNonNull(params, "training params");
        if (shortTextFragments < 0) {
            throw new IllegalArgumentException("short-text fragments must be >= 0, got " + shortTextFragments);
        }
    }
}
