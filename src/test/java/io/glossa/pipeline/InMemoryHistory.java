package io.glossa.pipeline;

import java.util.Comparator;
import java.util.List;

/** A fake of the TextHistory port over the in-memory text store; it passes the port's kit (InMemoryUiStoreTest). */
public final class InMemoryHistory implements TextHistory {
    private final InMemoryTextStore texts;

    public InMemoryHistory(InMemoryTextStore texts) {
        this.texts = texts;
    }

    @Override
    public List<HistoryItem> recent(int limit, Requester requester) {
        List<InMemoryTextStore.StoredText> all = texts.allStored();
        return all.stream()
                .filter(stored -> requester.sees(stored.owner()))
                .sorted(Comparator.comparing(
                                (InMemoryTextStore.StoredText s) -> s.record().submittedAt())
                        .reversed())
                .limit(limit)
                .map(stored -> new HistoryItem(stored.record(), stored.text()))
                .toList();
    }
}
