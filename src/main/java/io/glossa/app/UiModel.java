package io.glossa.app;

import io.glossa.model.LabelInfo;
import io.glossa.model.LanguageModel;
import io.glossa.model.LanguageNames;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the UI's routes know of the model: the labels users may pick, and the version this process predicts with now
 * (it changes when another version is activated).
 *
 * @param version gives null when the process runs no workers (api)
 */
record UiModel(List<LabelInfo> labels, Supplier<String> version) {
    /** A process without a model (api): every language glossa has names for; the version comes from results. */
    static UiModel withoutModel() {
        return new UiModel(LanguageNames.codes().stream().map(LabelInfo::of).toList(), () -> null);
    }

    /**
     * The labels of the model at start, with the names predictions carry (today's, not the file's); the version of
     * whichever model {@code models} holds when asked.
     */
    static UiModel of(Supplier<LanguageModel> models) {
        return new UiModel(
                models.get().metadata().labels().stream()
                        .map(LabelInfo::withCurrentNames)
                        .toList(),
                () -> models.get().version());
    }
}
