package io.glossa.registry;

import io.glossa.model.LanguageModel;
import io.glossa.model.Prediction;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A few unmistakable sentences that any usable model must get right, for each of their languages the model knows,
 * and a floor on the {@link CheckSentences}: a model must know enough of their languages to be checked at all (one
 * that knew none of them used to pass having checked nothing), and score well on them. It catches what a checksum
 * cannot: a model that loads but answers nonsense (e.g. labels shuffled in its header).
 */
public final class SmokeTest {
    private static final Map<String, String> SENTENCES = new LinkedHashMap<>();

    static {
        SENTENCES.put("en", "The weather is very nice today and we are going to the park with the children.");
        SENTENCES.put("de", "Das Wetter ist heute sehr schön und wir gehen mit den Kindern in den Park.");
        SENTENCES.put("fr", "Il fait très beau aujourd'hui et nous allons au parc avec les enfants.");
        SENTENCES.put("es", "Hace muy buen tiempo hoy y vamos al parque con los niños.");
        SENTENCES.put("it", "Oggi il tempo è molto bello e andiamo al parco con i bambini.");
        SENTENCES.put("sv", "Vädret är mycket fint i dag och vi går till parken med barnen.");
        SENTENCES.put("fi", "Tänään on todella kaunis sää ja menemme lasten kanssa puistoon.");
        SENTENCES.put("ru", "Сегодня очень хорошая погода, и мы идём с детьми в парк.");
        SENTENCES.put("pl", "Dzisiaj jest bardzo ładna pogoda i idziemy z dziećmi do parku.");
        SENTENCES.put("tr", "Bugün hava çok güzel ve çocuklarla birlikte parka gidiyoruz.");
    }

    /** At least this many check sentences, in at least {@link #MIN_LABELS} languages the model knows. */
    static final int MIN_SENTENCES = 50;

    static final int MIN_LABELS = 8;
    /** Far below a usable model (the default: 0.9962) and far above a confused one (rotated labels: 0). */
    static final double MIN_ACCURACY = 0.8;

    private SmokeTest() {}

    /**
     * @return the model's score on the check sentences
     * @throws BadModelException naming the first sentence answered wrongly, or why the check sentences fail it
     */
    public static CheckSentences.Score check(LanguageModel model) {
        checkUnmistakable(model);
        CheckSentences.Score score = CheckSentences.measure(model);
        if (score.sentences() < MIN_SENTENCES || score.labels() < MIN_LABELS) {
            throw new BadModelException("model " + model.version() + " cannot be checked: it knows " + score.labels()
                    + " of the check sentences' 38 languages (" + score.sentences() + " sentences); glossa needs at "
                    + "least " + MIN_SENTENCES + " sentences in " + MIN_LABELS + " of them to accept a model");
        }
        if (score.macroAccuracy() < MIN_ACCURACY) {
            throw new BadModelException("model " + model.version() + " failed its smoke test: its macro accuracy "
                    + "on the check sentences is " + score.describe() + ", under the floor of " + MIN_ACCURACY);
        }
        return score;
    }

    private static void checkUnmistakable(LanguageModel model) {
        for (Map.Entry<String, String> sentence : SENTENCES.entrySet()) {
            if (!model.labels().contains(sentence.getKey())) {
                continue;
            }
            Prediction prediction = model.predict(sentence.getValue(), 1);
            if (!sentence.getKey().equals(prediction.language())) {
                throw new BadModelException("model " + model.version() + " failed its smoke test: a "
                        + sentence.getKey() + " sentence was predicted as " + prediction.language());
            }
        }
    }
}
