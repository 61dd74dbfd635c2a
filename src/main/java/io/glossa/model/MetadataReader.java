package io.glossa.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.glossa.features.FeatureParams;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON header of a model file with Jackson's streaming parser instead of data binding: binding's first
 * use costs about 0.2 s of class loading, more than the rest of a cold model load. The header is parsed into
 * maps and lists, then mapped onto the metadata records by hand (field names as {@link ModelMetadata} writes them).
 */
final class MetadataReader {
    private static final JsonFactory FACTORY = new JsonFactory();

    private MetadataReader() {}

    static ModelMetadata read(byte[] json) throws IOException {
        try (JsonParser parser = FACTORY.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("the header is not a JSON object");
            }
            return metadata(object(parser));
        }
    }

    private static Object value(JsonParser p) throws IOException {
        return switch (p.currentToken()) {
            case START_OBJECT -> object(p);
            case START_ARRAY -> array(p);
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> p.getLongValue();
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_TRUE -> true;
            case VALUE_FALSE -> false;
            case VALUE_NULL -> null;
            default -> throw new IOException("unexpected " + p.currentToken() + " in the header");
        };
    }

    private static Map<String, Object> object(JsonParser p) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            out.put(name, value(p));
        }
        return out;
    }

    private static List<Object> array(JsonParser p) throws IOException {
        List<Object> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            out.add(value(p));
        }
        return out;
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
