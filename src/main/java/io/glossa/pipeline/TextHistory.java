package io.glossa.pipeline;

import java.util.List;

/** The latest submissions, newest first (for the UI's history). */
public interface TextHistory {
    List<HistoryItem> recent(int limit);
}
