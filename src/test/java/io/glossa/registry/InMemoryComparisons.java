package io.glossa.registry;

import io.glossa.pipeline.InMemoryFeedback;
import io.glossa.pipeline.InMemoryTextStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** A fake of the ComparisonStore port: a version's answers from results, shadow answers and re-verify runs alike. */
final class InMemoryComparisons implements ComparisonStore {
    private final InMemoryTextStore texts;
    private final InMemoryShadowResults shadow;
    private final InMemoryReverify reverify;
    private final InMemoryFeedback feedback;

    InMemoryComparisons(
            InMemoryTextStore texts,
            InMemoryShadowResults shadow,
            InMemoryReverify reverify,
            InMemoryFeedback feedback) {
        this.texts = texts;
        this.shadow = shadow;
        this.reverify = reverify;
        this.feedback = feedback;
    }

    private Map<UUID, String> answersOf(String version) {
        Map<UUID, String> answers = new HashMap<>(texts.answersOf(version));
        answers.putAll(shadow.answersOf(version));
        answers.putAll(reverify.answersOf(version));
        return answers;
    }

    @Override
    public Agreement agreement(String a, String b) {
        Map<UUID, String> first = answersOf(a);
        Map<UUID, String> second = answersOf(b);
        long both = 0;
        long differ = 0;
        for (Map.Entry<UUID, String> answer : first.entrySet()) {
            String other = second.get(answer.getKey());
            if (other != null) {
                both++;
                differ += other.equals(answer.getValue()) ? 0 : 1;
            }
        }
        return new Agreement(both, differ);
    }

    @Override
    public List<LabelTally> feedbackTally(String version) {
        Map<UUID, String> answers = answersOf(version);
        Map<String, long[]> byLanguage = new TreeMap<>();
        feedback.newestLabels().forEach((text, label) -> {
            String answer = answers.get(text);
            if (answer != null) {
                long[] counts = byLanguage.computeIfAbsent(label, l -> new long[2]);
                counts[0]++;
                counts[1] += answer.equals(label) ? 1 : 0;
            }
        });
        return byLanguage.entrySet().stream()
                .map(e -> new LabelTally(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .toList();
    }
}
