package io.glossa.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code glossa models compare A B}: how often two versions disagree on the same texts, and how each does on the
 * texts users labelled.
 *
 * @param disagreement differ / both; null when no text was answered by both
 */
public record ModelComparison(
        String a,
        String b,
        long both,
        long differ,
        Double disagreement,
        List<LanguageRow> languages,
        Accuracy overallA,
        Accuracy overallB) {
    /** Correct answers among the labelled texts a version answered; {@code rate} null when it answered none. */
    public record Accuracy(long n, long correct, Double rate) {
        static Accuracy of(long n, long correct) {
            return new Accuracy(n, correct, n == 0 ? null : (double) correct / n);
        }
    }

    public record LanguageRow(String language, Accuracy a, Accuracy b) {}

    public static ModelComparison compare(ComparisonStore store, String a, String b) {
        ComparisonStore.Agreement agreement = store.agreement(a, b);
        Map<String, long[]> tallies = new TreeMap<>();
        for (ComparisonStore.LabelTally t : store.feedbackTally(a)) {
            long[] row = tallies.computeIfAbsent(t.language(), k -> new long[4]);
            row[0] = t.n();
            row[1] = t.correct();
        }
        for (ComparisonStore.LabelTally t : store.feedbackTally(b)) {
            long[] row = tallies.computeIfAbsent(t.language(), k -> new long[4]);
            row[2] = t.n();
            row[3] = t.correct();
        }
        List<LanguageRow> rows = new ArrayList<>();
        long[] total = new long[4];
        tallies.forEach((language, row) -> {
            rows.add(new LanguageRow(language, Accuracy.of(row[0], row[1]), Accuracy.of(row[2], row[3])));
            for (int i = 0; i < 4; i++) {
                total[i] += row[i];
            }
        });
        Double rate = agreement.both() == 0 ? null : (double) agreement.differ() / agreement.both();
        return new ModelComparison(
                a,
                b,
                agreement.both(),
                agreement.differ(),
                rate,
                rows,
                Accuracy.of(total[0], total[1]),
                Accuracy.of(total[2], total[3]));
    }
}
