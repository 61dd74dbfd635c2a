package io.glossa.store;

import io.glossa.pipeline.Result;
import io.glossa.pipeline.UnknownTextException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** Stores results idempotently, one per transaction or many in a shared one. */
final class ResultWriter {
    private final Transactions transactions;
    private final ResultRows resultRows;
    private final TextRows textRows;

    ResultWriter(Transactions transactions) {
        this.transactions = transactions;
        this.resultRows = new ResultRows(transactions.dialect());
        this.textRows = new TextRows(transactions.dialect());
    }

    boolean storeAlone(Result result) {
        return transactions.write("storing a result", connection -> {
            try {
                return storeResult(connection, result);
            } catch (SQLException e) {
                if (resultRows.isUnknownText(e)) {
                    throw new UnknownTextException(result.id());
                }
                throw e;
            }
        });
    }

    /**
     * One transaction for many results, in two batches (inserts, then the texts of the inserted ones). Rows are
     * written in (id, version) order so that concurrent transactions lock them in the same order and cannot deadlock.
     * A result for an unknown id (texts are never deleted, so only a job no API of ours accepted) makes the foreign
     * key fail the whole transaction; then each result is stored alone, so only its own call fails. Checking the ids
     * first instead cost a query per transaction, which PostgreSQL ran as a sequential scan of texts when it kept a
     * plan from while the table was small.
     */
    List<GroupCommit.Outcome<Boolean>> storeTogether(List<Result> results) {
        if (results.size() == 1) { // light load: nothing to share
            return List.of(storeAloneOutcome(results.get(0)));
        }
        List<Integer> lockOrder = IntStream.range(0, results.size())
                .boxed()
                .sorted(Comparator.comparing((Integer i) -> results.get(i).id())
                        .thenComparing(i -> results.get(i).modelVersion()))
                .toList();
        boolean[] inserted;
        try {
            inserted = transactions.write("storing results", connection -> {
                try {
                    return storeBatch(
                            connection, lockOrder.stream().map(results::get).toList());
                } catch (SQLException e) {
                    if (resultRows.isUnknownText(e)) {
                        throw new UnknownTextInBatch(e);
                    }
                    throw e;
                }
            });
        } catch (UnknownTextInBatch e) { // rolled back: nothing of the batch was stored
            return results.stream().map(this::storeAloneOutcome).toList();
        }
        List<GroupCommit.Outcome<Boolean>> outcomes = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            outcomes.add(null);
        }
        for (int k = 0; k < lockOrder.size(); k++) {
            outcomes.set(lockOrder.get(k), GroupCommit.Outcome.of(inserted[k]));
        }
        return outcomes;
    }

    private GroupCommit.Outcome<Boolean> storeAloneOutcome(Result result) {
        try {
            return GroupCommit.Outcome.of(storeAlone(result));
        } catch (UnknownTextException e) {
            return GroupCommit.Outcome.failed(e);
        }
    }

    /** Unwinds a shared transaction (rolling it back) when one of its results names an unknown text. */
    private static final class UnknownTextInBatch extends RuntimeException {
        UnknownTextInBatch(SQLException cause) {
            super(cause);
        }
    }

    /** @return per result, whether it was inserted (and its text updated) by this call */
    private boolean[] storeBatch(Connection connection, List<Result> results) throws SQLException {
        if (results.isEmpty()) {
            return new boolean[0];
        }
        boolean[] inserted = resultRows.insertAll(connection, results);
        List<Result> newlyStored = IntStream.range(0, inserted.length)
                .filter(i -> inserted[i])
                .mapToObj(results::get)
                .toList();
        if (!newlyStored.isEmpty()) {
            textRows.markDoneAll(connection, newlyStored);
        }
        return inserted;
    }

    /** Inserts the result unless one exists for its version; only the call that inserted updates the text. */
    private boolean storeResult(Connection connection, Result result) throws SQLException {
        if (!resultRows.insert(connection, result)) {
            return false;
        }
        textRows.markDone(connection, result.id(), result.modelVersion(), result.completedAt());
        return true;
    }
}
