package io.glossa.model;

import io.glossa.features.FeatureParams;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON header of a model file: {@link HeaderJson} parses it into maps and lists, which are mapped onto the
 * metadata records by hand (field names as {@link ModelMetadata} writes them). Neither Jackson's data binding nor
 * its parser is used: on a cold JVM their classes cost more than the rest of a model load (see {@link HeaderJson}).
 */
final class MetadataReader {
    private MetadataReader() {}

    static ModelMetadata read(byte[] json) throws IOException {
        Object header = HeaderJson.parse(json);
        if (!(header instanceof Map)) {
            throw new IOException("the header is not a JSON object");
        }
        return metadata(map(header));
    }

    // ---------------------------------------------------------------- mapping

    private static ModelMetadata metadata(Map<String, Object> m) throws IOException {
        List<LabelInfo> labels = new ArrayList<>();
        for (Object o : list(m, "labels")) {
            Map<String, Object> l = map(o);
            labels.add(new LabelInfo(str(l, "code"), str(l, "name"), str(l, "native_name")));
        }
        List<TrainingFile> files = new ArrayList<>();
        for (Object o : list(m, "training_files")) {
            Map<String, Object> f = map(o);
            files.add(new TrainingFile(
                    str(f, "name"),
                    str(f, "sha256"),
                    num(f, "lines").longValue(),
                    num(f, "used_lines").longValue(),
                    num(f, "bad_lines").longValue()));
        }
        Number cv = optionalNum(m, "cv_score");
        return new ModelMetadata(
                str(m, "version"),
                num(m, "format_version").intValue(),
                str(m, "glossa_version"),
                str(m, "created_at"),
                num(m, "size_bytes").longValue(),
                labels,
                features(m.get("features")),
                training(m.get("training")),
                files,
                num(m, "training_examples").longValue(),
                num(m, "training_seconds").doubleValue(),
                cv == null ? null : cv.doubleValue(),
                search(m.get("search")),
                scores(m.get("dev")),
                scores(m.get("dev_fragments")),
                num(m, "unknown_threshold").doubleValue(),
                num(m, "min_letters").intValue(),
                num(m, "temperature").doubleValue(),
                str(m, "quantization"),
                priors(m.get("priors")),
                shortText(m.get("short_text")));
    }

    private static ShortTextHead shortText(Object o) throws IOException {
        if (o == null) {
            return null;
        }
        Map<String, Object> h = map(o);
        List<ShortTextHead.WordCountScore> choice = new ArrayList<>();
        for (Object c : list(h, "choice")) {
            Map<String, Object> w = map(c);
            choice.add(new ShortTextHead.WordCountScore(
                    num(w, "words").intValue(),
                    num(w, "main").doubleValue(),
                    num(w, "head").doubleValue()));
        }
        try {
            return new ShortTextHead(
                    num(h, "max_words").intValue(),
                    training(h.get("training")),
                    num(h, "training_examples").longValue(),
                    scores(h.get("dev_fragments")),
                    num(h, "unknown_threshold").doubleValue(),
                    num(h, "temperature").doubleValue(),
                    priors(h.get("priors")),
                    choice);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static Map<String, Double> priors(Object o) throws IOException {
        if (o == null) {
            return null;
        }
        Map<String, Double> out = new java.util.TreeMap<>();
        for (Map.Entry<String, Object> e : map(o).entrySet()) {
            if (!(e.getValue() instanceof Number v)) {
                throw new IOException("priors." + e.getKey() + " must be a number");
            }
            out.put(e.getKey(), v.doubleValue());
        }
        return out;
    }

    private static FeatureParams features(Object o) throws IOException {
        if (o == null) {
            return null;
        }
        Map<String, Object> f = map(o);
        try {
            return new FeatureParams(
                    num(f, "bits").intValue(),
                    num(f, "min_n").intValue(),
                    num(f, "max_n").intValue(),
                    Boolean.TRUE.equals(f.get("word_features")));
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static TrainingParams training(Object o) throws IOException {
        if (o == null) {
            return null;
        }
        Map<String, Object> t = map(o);
        try {
            return new TrainingParams(
                    num(t, "epochs").intValue(),
                    num(t, "learning_rate").doubleValue(),
                    num(t, "l2").doubleValue(),
                    num(t, "fragments_per_text").intValue(),
                    num(t, "max_fragment_words").intValue(),
                    num(t, "seed").longValue(),
                    num(t, "dev_fraction").doubleValue(),
                    t.containsKey("text_weight") ? num(t, "text_weight").doubleValue() : 1);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static SearchSummary search(Object o) throws IOException {
        if (o == null) {
            return null;
        }
        Map<String, Object> s = map(o);
        return new SearchSummary(
                num(s, "trials").intValue(),
                num(s, "folds").intValue(),
                num(s, "seed").longValue(),
                num(s, "cv_score").doubleValue(),
                features(s.get("best_features")),
                training(s.get("best_training")));
    }

    private static DevScores scores(Object o) throws IOException {
        if (o == null) {
            return null;
        }
        Map<String, Object> d = map(o);
        Map<String, Double> perLabel = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : map(d.get("per_label")).entrySet()) {
            if (!(e.getValue() instanceof Number score)) {
                throw new IOException("'per_label." + e.getKey() + "' is not a number");
            }
            perLabel.put(e.getKey(), score.doubleValue());
        }
        return new DevScores(
                num(d, "n").longValue(),
                num(d, "macro_accuracy").doubleValue(),
                num(d, "micro_accuracy").doubleValue(),
                num(d, "ece").doubleValue(),
                num(d, "unknown_rate").doubleValue(),
                perLabel);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) throws IOException {
        if (!(o instanceof Map)) {
            throw new IOException("expected a JSON object, found " + o);
        }
        return (Map<String, Object>) o;
    }

    private static List<Object> list(Map<String, Object> m, String key) throws IOException {
        Object o = m.get(key);
        if (o == null) {
            return List.of();
        }
        if (!(o instanceof List<?> l)) {
            throw new IOException("'" + key + "' is not a list");
        }
        return new ArrayList<>(l);
    }

    private static String str(Map<String, Object> m, String key) throws IOException {
        Object o = m.get(key);
        if (o != null && !(o instanceof String)) {
            throw new IOException("'" + key + "' is not a string");
        }
        return (String) o;
    }

    private static Number optionalNum(Map<String, Object> m, String key) throws IOException {
        return m.get(key) == null ? null : num(m, key);
    }

    private static Number num(Map<String, Object> m, String key) throws IOException {
        Object o = m.get(key);
        if (!(o instanceof Number n)) {
            throw new IOException("'" + key + "' is missing or not a number");
        }
        return n;
    }
}
