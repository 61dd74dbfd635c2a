package io.glossa.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Benchmark inputs from real data: short texts (~35 chars, made of consecutive Leipzig word pairs of one
 * language) and sentence-length texts (80–130 chars, Leipzig sentences). Falls back to a fixed list when
 * the shared data folder is missing, and says so.
 */
final class BenchTexts {
    /** A power of two, so the benchmark can cycle through the texts with a mask. */
    static final int COUNT = 4096;
    private static final long SEED = 20140410L;

    private BenchTexts() {}

    static String[] shortTexts() {
        Path file = sharedData().resolve("leipzig_word_pairs.tsv");
        if (!Files.isRegularFile(file)) {
            return fallback("short", FALLBACK_SHORT);
        }
        Map<String, List<String>> byLanguage = readByLanguage(file);
        List<String> texts = new ArrayList<>();
        for (List<String> pairs : byLanguage.values()) {
            StringBuilder sb = new StringBuilder();
            for (String pair : pairs) {
                sb.append(sb.length() == 0 ? "" : " ").append(pair);
                if (sb.length() >= 30) {
                    texts.add(sb.toString());
                    sb.setLength(0);
                }
            }
        }
        return sample("short", texts, file);
    }

    static String[] sentences() {
        Path file = sharedData().resolve("leipzig_sentences.tsv");
        if (!Files.isRegularFile(file)) {
            return fallback("sentence", FALLBACK_SENTENCES);
        }
        List<String> texts = new ArrayList<>();
        for (List<String> lines : readByLanguage(file).values()) {
            for (String line : lines) {
                if (line.length() >= 80 && line.length() <= 130) {
                    texts.add(line);
                }
            }
        }
        return sample("sentence", texts, file);
    }

    /** The shared data folder: -Dglossa.sharedData, else ../shared/data beside the repository. */
    static Path sharedData() {
        String configured = System.getProperty("glossa.sharedData");
        if (configured != null) {
            return Path.of(configured);
        }
        for (String candidate : new String[] {"../../shared/data", "../shared/data"}) {
            if (Files.isDirectory(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        return Path.of("../../shared/data");
    }

    private static Map<String, List<String>> readByLanguage(Path file) {
        Map<String, List<String>> byLanguage = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int tab = line.indexOf('\t');
                if (tab > 0 && tab < line.length() - 1) {
                    byLanguage.computeIfAbsent(line.substring(0, tab), k -> new ArrayList<>()).add(line.substring(tab + 1));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return byLanguage;
    }

    /** A fixed-seed shuffle, then COUNT texts (repeating when there are fewer). */
    private static String[] sample(String kind, List<String> texts, Object source) {
        Collections.shuffle(texts, new Random(SEED));
        String[] out = new String[COUNT];
        long chars = 0;
        for (int i = 0; i < COUNT; i++) {
            out[i] = texts.get(i % texts.size());
            chars += out[i].length();
        }
        System.out.printf("# %d %s texts from %s, mean length %.1f chars%n", COUNT, kind, source, (double) chars / COUNT);
        return out;
    }

    private static String[] fallback(String kind, String[] fixed) {
        List<String> texts = new ArrayList<>(List.of(fixed));
        return sample(kind, texts, "the built-in fallback list (shared data not found)");
    }

    private static final String[] FALLBACK_SHORT = {
        "Det här är en kort mening på svenska", "Das ist ein kurzer Satz auf Deutsch",
        "This is a short sentence in English", "Esta es una frase corta en español",
        "Ceci est une phrase courte en français", "Questa è una breve frase in italiano",
        "To je kratka rečenica na hrvatskom", "Это короткое предложение по-русски",
        "Tämä on lyhyt lause suomeksi kai", "Dit is een korte zin in het Nederlands",
    };

    private static final String[] FALLBACK_SENTENCES = {
        "Det här är en något längre mening på svenska, skriven för att likna en vanlig rad i en nyhetsartikel.",
        "Das ist ein etwas längerer Satz auf Deutsch, geschrieben, um einer typischen Zeile aus der Zeitung zu ähneln.",
        "This is a somewhat longer sentence in English, written to look like an ordinary line from a news story.",
        "Esta es una frase algo más larga en español, escrita para parecerse a una línea normal de un periódico.",
        "Ceci est une phrase un peu plus longue en français, écrite pour ressembler à une ligne d'un journal.",
        "Это несколько более длинное предложение на русском языке, похожее на обычную строку из новостей.",
    };
}
