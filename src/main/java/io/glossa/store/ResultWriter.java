package io.glossa.store;

import io.glossa.pipeline.Result;
import io.glossa.pipeline.UnknownTextException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

/** Stores results idempotently, one per transaction or many in a shared one. */
final class ResultWriter {
    private final Transactions transactions;

    ResultWriter(Transactions transactions) {
        this.transactions = transactions;
    }

    boolean storeAlone(Result result) {
        return transactions.write("storing a result", connection -> {
            try {
                return storeResult(connection, result);
            } catch (SQLException e) {
                if (ResultRows.isUnknownText(e)) {
                    throw new UnknownTextException(result.id());
                }
                throw e;
            }
        });
    }

    /**
     * One transaction for many results, in two batches (inserts, then the texts of the inserted ones). Unknown ids are
     * found first (texts are never deleted), because a failed statement would abort the whole transaction on
     * PostgreSQL. Rows are written in (id, version) order so that concurrent transactions lock them in the same order
     * and cannot deadlock.
     */
    List<GroupCommit.Outcome<Boolean>> storeTogether(List<Result> results) {
        if (results.size() == 1) { // light load: skip the extra existence query
            try {
                return List.of(GroupCommit.Outcome.of(storeAlone(results.get(0))));
            } catch (UnknownTextException e) {
                return List.of(GroupCommit.Outcome.failed(e));
            }
        }
        return transactions.write("storing results", connection -> {
            Set<UUID> known = TextRows.existing(connection, results.stream().map(Result::id).toList());
            List<Integer> lockOrder = IntStream.range(0, results.size()).boxed()
                    .filter(i -> known.contains(results.get(i).id()))
                    .sorted(Comparator.comparing((Integer i) -> results.get(i).id())
                            .thenComparing(i -> results.get(i).modelVersion()))
                    .toList();
            boolean[] inserted = storeBatch(connection, lockOrder.stream().map(results::get).toList());
            List<GroupCommit.Outcome<Boolean>> outcomes = new ArrayList<>(results.size());
            for (Result result : results) {
                outcomes.add(GroupCommit.Outcome.failed(new UnknownTextException(result.id())));
            }
            for (int k = 0; k < lockOrder.size(); k++) {
                outcomes.set(lockOrder.get(k), GroupCommit.Outcome.of(inserted[k]));
            }
            return outcomes;
        });
    }

    /** @return per result, whether it was inserted (and its text updated) by this call */
    private static boolean[] storeBatch(Connection connection, List<Result> results) throws SQLException {
        if (results.isEmpty()) {
            return new boolean[0];
        }
        boolean[] inserted = ResultRows.insertAll(connection, results);
        List<Result> newlyStored = IntStream.range(0, inserted.length).filter(i -> inserted[i])
                .mapToObj(results::get).toList();
        if (!newlyStored.isEmpty()) {
            TextRows.markDoneAll(connection, newlyStored);
        }
        return inserted;
    }

    /** Inserts the result unless one exists for its version; only the call that inserted updates the text. */
    private static boolean storeResult(Connection connection, Result result) throws SQLException {
        if (!ResultRows.insert(connection, result)) {
            return false;
        }
        TextRows.markDone(connection, result.id(), result.modelVersion(), result.completedAt());
        return true;
    }
}
