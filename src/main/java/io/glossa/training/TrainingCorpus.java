package io.glossa.training;

import io.glossa.corpus.LabeledText;
import io.glossa.model.TrainingFile;
import java.util.List;
import java.util.TreeSet;

/** The texts to learn from and the files they came from (for provenance). */
public record TrainingCorpus(List<LabeledText> texts, List<TrainingFile> files) {
    public TrainingCorpus {
        texts = List.copyOf(texts);
        files = List.copyOf(files);
    }

    /** The distinct labels, sorted: their order is the order of the model's outputs. */
    public List<String> labels() {
        return List.copyOf(new TreeSet<>(texts.stream().map(LabeledText::label).toList()));
    }
}
