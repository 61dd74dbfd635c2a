package io.glossa.evaluation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON form of an evaluation, with snake_case field names (a contract: {@code macro_accuracy},
 * {@code micro_accuracy}, {@code n}, {@code texts_per_second}, {@code per_label} must stay).
 */
public final class EvaluationJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EvaluationJson() {}

    public static ObjectNode toJson(EvaluationResult r) {
        ObjectNode root = NODES.objectNode();
        root.put("model_version", r.modelVersion());
        root.put("n", r.n());
        root.put("correct", r.correct());
        root.put("macro_accuracy", r.macroAccuracy());
        root.put("micro_accuracy", r.microAccuracy());
        root.put("unknown", r.unknown());
        root.put("texts_per_second", r.throughput().textsPerSecond());
        root.put("elapsed_seconds", r.throughput().elapsedSeconds());
        root.put("threads", r.throughput().threads());
        root.put("ece", r.calibration().ece());
        ObjectNode perLabel = root.putObject("per_label");
        r.perLabel().forEach(s -> perLabel.put(s.label(), s.accuracy()));
        ObjectNode detail = root.putObject("per_label_detail");
        r.perLabel().forEach(s -> detail.set(s.label(), labelDetail(s)));
        root.set("confusion_matrix", matrix(r.confusion()));
        root.set("calibration", calibration(r.calibration()));
        return root;
    }

    private static ObjectNode labelDetail(LabelScore s) {
        ObjectNode node = NODES.objectNode();
        node.put("n", s.n());
        node.put("correct", s.correct());
        node.put("accuracy", s.accuracy());
        node.put("unknown", s.unknown());
        ObjectNode confusions = node.putObject("top_confusions");
        s.topConfusions().forEach(c -> confusions.put(c.predicted(), c.count()));
        return node;
    }

    private static ObjectNode matrix(ConfusionMatrix m) {
        ObjectNode node = NODES.objectNode();
        ArrayNode rows = node.putArray("rows");
        m.rows().forEach(rows::add);
        ArrayNode columns = node.putArray("columns");
        m.columns().forEach(columns::add);
        ArrayNode counts = node.putArray("counts");
        for (int r = 0; r < m.rows().size(); r++) {
            ArrayNode row = counts.addArray();
            for (int c = 0; c < m.columns().size(); c++) {
                row.add(m.count(r, c));
            }
        }
        return node;
    }

    private static ObjectNode calibration(Calibration c) {
        ObjectNode node = NODES.objectNode();
        node.put("ece", c.ece());
        node.put("n", c.n());
        ArrayNode bins = node.putArray("reliability");
        for (ReliabilityBin b : c.bins()) {
            ObjectNode bin = bins.addObject();
            bin.put("lower", b.lower());
            bin.put("upper", b.upper());
            bin.put("n", b.n());
            bin.put("mean_probability", b.meanProbability());
            bin.put("accuracy", b.accuracy());
        }
        return node;
    }
}
