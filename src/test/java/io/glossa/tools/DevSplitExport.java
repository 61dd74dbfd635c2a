package io.glossa.tools;

import io.glossa.corpus.LabeledText;
import io.glossa.corpus.TsvCorpusReader;
import io.glossa.training.DevSplit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Developer tool (not a test): writes the held-out dev split that {@code glossa train} keeps (same files in the
 * same order, same {@code --seed} and {@code --dev-fraction}) as TSV files, one per training file plus
 * {@code dev-all.tsv}, so {@code glossa evaluate} can score a model on texts it never trained on.
 * Usage: java -cp target/glossa.jar:target/test-classes io.glossa.tools.DevSplitExport OUT_DIR SEED FRACTION FILE...
 */
public final class DevSplitExport {
    private DevSplitExport() {}

    public static void main(String[] args) throws IOException {
        Path outDir = Path.of(args[0]);
        long seed = Long.parseLong(args[1]);
        double fraction = Double.parseDouble(args[2]);
        List<LabeledText> texts = new ArrayList<>();
        Map<LabeledText, String> source = new IdentityHashMap<>();
        TsvCorpusReader reader = new TsvCorpusReader();
        for (int a = 3; a < args.length; a++) {
            Path file = Path.of(args[a]);
            String name = file.getFileName().toString();
            reader.read(file, t -> {
                texts.add(t);
                source.put(t, name);
            });
        }
        List<LabeledText> dev = DevSplit.split(texts, fraction, seed).dev();
        Map<String, List<LabeledText>> byFile = new LinkedHashMap<>();
        for (LabeledText t : dev) {
            byFile.computeIfAbsent(source.get(t), k -> new ArrayList<>()).add(t);
        }
        Files.createDirectories(outDir);
        write(outDir.resolve("dev-all.tsv"), dev);
        byFile.forEach((name, lines) -> write(outDir.resolve("dev-" + name), lines));
        System.out.printf(
                "dev split: %d of %d texts; per file %s%n",
                dev.size(),
                texts.size(),
                byFile.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue().size())
                        .toList());
    }

    private static void write(Path file, List<LabeledText> lines) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (LabeledText t : lines) {
                w.write(t.label() + "\t" + t.text() + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
