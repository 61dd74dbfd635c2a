package io.glossa.corpus;

import java.util.Map;

/**
 * What reading one file found: its SHA-256 (for provenance), how many lines it had, how many were used
 * and how many were bad, and the good lines per label.
 */
public record CorpusStats(
        String file, String sha256, long lines, long goodLines, long badLines, Map<String, Long> linesPerLabel) {
    public CorpusStats {
        linesPerLabel = Map.copyOf(linesPerLabel);
    }
}
