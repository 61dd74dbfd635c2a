package io.glossa.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glossa.corpus.BadLinePolicy;
import io.glossa.corpus.LabeledText;
import io.glossa.corpus.TsvCorpusReader;
import io.glossa.evaluation.EvaluationJson;
import io.glossa.evaluation.EvaluationResult;
import io.glossa.evaluation.Evaluator;
import io.glossa.evaluation.HtmlReport;
import io.glossa.evaluation.ReportContext;
import io.glossa.model.LanguageModel;
import io.glossa.model.LanguageNames;
import io.glossa.pipeline.FeedbackSnapshot;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code glossa evaluate}: scores a model on a labelled TSV file. */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        description = {
            "Scores a model on a labelled TSV file (<label>TAB<text> per line): macro and micro accuracy, "
                    + "per-label accuracy with top confusions, calibration (ECE) and texts per second. "
                    + "'unknown' answers count as wrong. Bad lines are skipped and reported as file:line on stderr.",
            "--feedback scores on the labels users gave in the UI/API instead (the newest per text), read from "
                    + "the store (--data-dir or --db-url)."
        })
final class EvaluateCommand implements Callable<Integer> {
    @Mixin
    ModelOption model;

    @Option(names = "--data", paramLabel = "FILE", description = "Labelled TSV file to evaluate on.")
    Path data;

    @Option(names = "--feedback", description = "Evaluate on the stored feedback labels instead of --data.")
    boolean feedback;

    @Mixin
    StoreOptions store;

    @Option(names = "--json", description = "Print one JSON object instead of the human-readable summary.")
    boolean json;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write a self-contained HTML report here.")
    Path report;

    @Option(
            names = "--threads",
            defaultValue = "2",
            paramLabel = "N",
            description = "Prediction threads (default: ${DEFAULT-VALUE}); scores do not depend on it.")
    int threads;

    @Spec
    CommandSpec spec;

    /** What was evaluated, for the report: the file, or the feedback snapshot's description. */
    private String dataName;

    @Override
    public Integer call() throws IOException {
        if (threads < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be at least 1, got " + threads);
        }
        if (feedback == (data != null)) {
            throw new ParameterException(spec.commandLine(), "give exactly one of --data FILE and --feedback");
        }
        LanguageModel languageModel = model.load();
        BadLineReporter badLines = new BadLineReporter(spec.commandLine().getErr());
        List<LabeledText> texts = new ArrayList<>();
        if (feedback) {
            FeedbackSnapshot snapshot = StoredFeedback.read(store);
            texts.addAll(StoredFeedback.texts(snapshot.labels()));
            dataName = snapshot.describe();
        } else {
            new TsvCorpusReader(BadLinePolicy.DEFAULT, badLines).read(data, texts::add);
            dataName = data.toString();
        }
        badLines.finish();
        if (texts.isEmpty()) {
            throw new UserError(dataName + ": no labelled texts to evaluate");
        }
        EvaluationResult result = new Evaluator(threads).evaluate(languageModel, texts);
        if (report != null) {
            writeReport(result);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(jsonOf(result, badLines.count())));
        } else {
            new EvaluationSummary(out).print(dataName, result, badLines.count());
        }
        out.flush();
        return 0;
    }

    private ObjectNode jsonOf(EvaluationResult result, long badLineCount) {
        ObjectNode root = EvaluationJson.toJson(result);
        root.put("data", dataName);
        root.put("bad_lines", badLineCount);
        if (report != null) {
            root.put("report", report.toString());
        }
        return root;
    }

    private void writeReport(EvaluationResult result) {
        Map<String, String> names = new TreeMap<>();
        for (String label : result.confusion().columns()) {
            LanguageNames.Names n = LanguageNames.of(label);
            names.put(label, n.english().equals(label) ? "" : n.english() + " — " + n.nativeName());
        }
        String html = HtmlReport.render(
                result,
                new ReportContext(
                        data != null ? data.getFileName().toString() : dataName,
                        Instant.now().truncatedTo(ChronoUnit.SECONDS),
                        names));
        try {
            Files.writeString(report, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError("cannot write the report " + report + ": " + describe(e), e);
        }
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "its folder does not exist";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
