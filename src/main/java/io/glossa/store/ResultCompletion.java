package io.glossa.store;

import io.glossa.pipeline.Completion;
import io.glossa.pipeline.Result;
import io.glossa.pipeline.UnknownTextException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Stores results for {@link JdbcTextStore}: each in a transaction of its own, or, when tuned with writers, together
 * with concurrent callers' results in shared transactions ({@link GroupCommit}). The first result per text and
 * model version wins ({@link ResultWriter}).
 */
final class ResultCompletion {
    private static final int MAX_RESULTS_PER_TRANSACTION = 500;

    private final Function<Result, Boolean> commitResult;
    private final Function<List<Result>, List<GroupCommit.Outcome<Boolean>>> commitResults;

    ResultCompletion(Transactions transactions, StoreTuning tuning) {
        ResultWriter results = new ResultWriter(transactions);
        if (tuning.completeWriters() == 0) {
            this.commitResult = results::storeAlone;
            this.commitResults = results::storeTogether;
        } else {
            GroupCommit<Result, Boolean> group = new GroupCommit<>(
                    tuning.completeWriters(), MAX_RESULTS_PER_TRANSACTION, r -> 1, results::storeTogether);
            this.commitResult = group::submit;
            this.commitResults = group::submitAll;
        }
    }

    /** @return whether this result was stored (false: one for its text and model version was already) */
    boolean complete(Result result) {
        ResultRows.check(result);
        return commitResult.apply(result);
    }

    /** One transaction for all (shared with concurrent callers' results when they fit), unless an id is unknown. */
    List<Completion> completeAll(List<Result> results) {
        results.forEach(ResultRows::check);
        List<GroupCommit.Outcome<Boolean>> outcomes = commitResults.apply(results);
        List<Completion> completions = new ArrayList<>(outcomes.size());
        for (GroupCommit.Outcome<Boolean> outcome : outcomes) {
            if (outcome.failure() instanceof UnknownTextException) {
                completions.add(Completion.UNKNOWN_TEXT);
            } else if (outcome.failure() != null) {
                throw outcome.failure();
            } else {
                completions.add(outcome.value() ? Completion.STORED : Completion.ALREADY_STORED);
            }
        }
        return completions;
    }
}
