package io.glossa.client.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Texts to send, cycling: a TSV corpus ({@code label<TAB>text}: the text is used) or one text per line. */
public final class TextSource {
    private final List<String> texts;
    private int next;

    TextSource(List<String> texts) {
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("no texts to send");
        }
        this.texts = List.copyOf(texts);
    }

    public static TextSource read(Path file) throws IOException {
        List<String> texts = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                int tab = line.indexOf('\t');
                String text = tab >= 0 ? line.substring(tab + 1) : line;
                if (!text.isBlank()) {
                    texts.add(text);
                }
            }
        }
        if (texts.isEmpty()) {
            throw new IllegalArgumentException(file + " has no non-blank texts");
        }
        return new TextSource(texts);
    }

    /** Called from the single sending thread only. */
    String next() {
        String text = texts.get(next);
        next = (next + 1) % texts.size();
        return text;
    }

    /** The {@code index}-th text of the cycle, {@code 0 <= index < size()}. */
    String text(int index) {
        return texts.get(index);
    }

    int size() {
        return texts.size();
    }
}
