package io.glossa.cli;

import io.glossa.model.LabelInfo;
import io.glossa.model.LanguageModel;
import io.glossa.model.LanguageNames;
import java.util.List;

/**
 * What the UI's routes know of the model: the labels users may pick, and the version this process loaded.
 *
 * @param version null when the process runs no workers (api)
 */
record UiModel(List<LabelInfo> labels, String version) {
    /** A process without a model (api): every language glossa has names for; the version comes from results. */
    static UiModel withoutModel() {
        return new UiModel(LanguageNames.codes().stream().map(LabelInfo::of).toList(), null);
    }

    static UiModel of(LanguageModel model) {
        return new UiModel(model.metadata().labels(), model.version());
    }
}
