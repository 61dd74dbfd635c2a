package io.glossa.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The outcome of a re-verify run: how far the model agrees with the predictions clients were shown, how it does on
 * the texts users labelled (beside the stored predictions' score on the same texts), and which languages moved.
 * Rates are null when there is nothing to divide by.
 */
public record ReverifyReport(
        UUID run,
        String modelVersion,
        String selection,
        long total,
        long scored,
        String createdAt,
        String finishedAt,
        long agreeing,
        Double agreement,
        long labelled,
        long correct,
        Double accuracy,
        long storedCorrect,
        Double storedAccuracy,
        List<ReverifyTallies.Change> changes) {
    private static final ObjectMapper JSON =
            new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    public static ReverifyReport of(ReverifyRun run, ReverifyTallies t, Instant finishedAt) {
        return new ReverifyReport(
                run.id(),
                run.modelVersion(),
                run.selection(),
                run.total(),
                t.scored(),
                run.createdAt().toString(),
                finishedAt.toString(),
                t.same(),
                rate(t.same(), t.scored()),
                t.labelled(),
                t.correctNow(),
                rate(t.correctNow(), t.labelled()),
                t.correctBefore(),
                rate(t.correctBefore(), t.labelled()),
                t.changes());
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a re-verify report", e);
        }
    }

    /** A few lines for the terminal and the .txt file. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(
                Locale.ROOT,
                "re-verify %s with model %s (%s): %,d of %,d texts scored%n",
                run,
                modelVersion,
                selection,
                scored,
                total));
        s.append(String.format(
                Locale.ROOT,
                "agreement with the stored predictions: %s (%,d of %,d)%n",
                percent(agreement),
                agreeing,
                scored));
        s.append(String.format(
                Locale.ROOT,
                "accuracy on feedback labels: %s (%,d of %,d); stored predictions: %s%n",
                percent(accuracy),
                correct,
                labelled,
                percent(storedAccuracy)));
        if (changes.isEmpty()) {
            s.append("no text changed language\n");
        } else {
            s.append("changed language (stored -> now: texts):\n");
            for (ReverifyTallies.Change c : changes) {
                s.append(String.format(Locale.ROOT, "  %s -> %s: %,d%n", c.from(), c.to(), c.count()));
            }
        }
        return s.toString();
    }

    private static String percent(Double rate) {
        return rate == null ? "n/a" : String.format(Locale.ROOT, "%.2f%%", 100 * rate);
    }
}
