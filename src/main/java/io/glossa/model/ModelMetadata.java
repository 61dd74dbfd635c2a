package io.glossa.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.glossa.features.FeatureParams;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A model's metadata and provenance, stored as the JSON header of the model file. {@code version} and
 * {@code sizeBytes} describe the file itself and are filled in when it is loaded.
 *
 * @param cvScore best cross-validated macro accuracy of {@code train --search}; null when no search ran
 * @param search the search that chose the parameters; null when no search ran
 * @param dev scores on the held-out dev split; null when no dev split was kept
 * @param devFragments scores on 1..3-word fragments cut from the dev split (short inputs); null without dev
 * @param unknownThreshold predictions whose best probability is below this are {@code unknown}
 * @param minLetters texts with fewer letters are {@code unknown}
 * @param temperature softmax temperature fitted on dev (probabilities = softmax(scores / temperature))
 * @param priors per-label offsets already added to the bias, fitted on dev (training.PriorFit); null if none
 * @param shortText the head that scores texts of a few words; null when the model has none (format 1)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelMetadata(
        String version,
        int formatVersion,
        String glossaVersion,
        String createdAt,
        long sizeBytes,
        List<LabelInfo> labels,
        FeatureParams features,
        TrainingParams training,
        List<TrainingFile> trainingFiles,
        long trainingExamples,
        double trainingSeconds,
        Double cvScore,
        SearchSummary search,
        DevScores dev,
        DevScores devFragments,
        double unknownThreshold,
        int minLetters,
        double temperature,
        String quantization,
        Map<String, Double> priors,
        ShortTextHead shortText) {
    public ModelMetadata {
        labels = List.copyOf(labels);
        trainingFiles = trainingFiles == null ? List.of() : List.copyOf(trainingFiles);
        priors = priors == null ? null : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(priors));
    }

    /** The same metadata with the facts of a loaded file. */
    public ModelMetadata withFileFacts(String fileVersion, long fileSize) {
        return with(fileVersion, formatVersion, fileSize, shortText);
    }

    /** The same metadata with another short-text head (null: none), and the file format that implies. */
    public ModelMetadata withShortText(ShortTextHead head) {
        return with(version, ModelFile.formatFor(head), sizeBytes, head);
    }

    private ModelMetadata with(String version, int formatVersion, long sizeBytes, ShortTextHead shortText) {
        return new ModelMetadata(
                version,
                formatVersion,
                glossaVersion,
                createdAt,
                sizeBytes,
                labels,
                features,
                training,
                trainingFiles,
                trainingExamples,
                trainingSeconds,
                cvScore,
                search,
                dev,
                devFragments,
                unknownThreshold,
                minLetters,
                temperature,
                quantization,
                priors,
                shortText);
    }

    public List<String> labelCodes() {
        // a loop, not a stream: this runs in every model load, where a stream's first use costs milliseconds
        String[] codes = new String[labels.size()];
        for (int k = 0; k < codes.length; k++) {
            codes[k] = labels.get(k).code();
        }
        return Collections.unmodifiableList(Arrays.asList(codes));
    }
}
