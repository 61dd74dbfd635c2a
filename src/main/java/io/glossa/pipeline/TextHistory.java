package io.glossa.pipeline;

import java.util.List;

/** The latest submissions, newest first (for the UI's history). */
public interface TextHistory {
    /** The latest texts {@code requester} may see: its own, or every text for one that sees all. */
    List<HistoryItem> recent(int limit, Requester requester);

    /** Every key's latest texts (operators, tests). */
    default List<HistoryItem> recent(int limit) {
        return recent(limit, Requester.UNKEYED);
    }
}
