package io.glossa.registry;

import io.glossa.model.LanguageModel;
import io.glossa.model.Prediction;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A few unmistakable sentences that any usable model must get right, for each of their languages the model knows.
 * It catches what a checksum cannot: a model that loads but answers nonsense (e.g. labels shuffled in its header).
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

    private SmokeTest() {
    }

    /**
     * @return how many sentences were checked (0 when the model knows none of their languages)
     * @throws BadModelException naming the first sentence answered wrongly
     */
    public static int check(LanguageModel model) {
        int checked = 0;
        for (Map.Entry<String, String> sentence : SENTENCES.entrySet()) {
            if (!model.labels().contains(sentence.getKey())) {
                continue;
            }
            Prediction prediction = model.predict(sentence.getValue(), 1);
            if (!sentence.getKey().equals(prediction.language())) {
                throw new BadModelException("model " + model.version() + " failed its smoke test: a "
                        + sentence.getKey() + " sentence was predicted as " + prediction.language());
            }
            checked++;
        }
        return checked;
    }
}
