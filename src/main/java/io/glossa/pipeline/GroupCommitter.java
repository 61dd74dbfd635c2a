package io.glossa.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns many concurrent single writes into few batched ones: callers block while one thread runs everything queued
 * meanwhile as one batch (one transaction, one commit). Under light load a batch is one item, so latency stays one
 * write; under heavy load the commit cost is shared. If a batch fails, its items are retried one by one, so one bad
 * item cannot fail the others.
 */
final class GroupCommitter<I, O> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitter.class);

    private record Pending<I, O>(I item, CompletableFuture<O> answer) {}

    private final LinkedBlockingQueue<Pending<I, O>> queue = new LinkedBlockingQueue<>();
    private final Function<List<I>, List<O>> batch;
    private final Function<I, O> single;
    private final int maxBatch;
    private final Thread thread;
    private volatile boolean running = true;

    GroupCommitter(String name, int maxBatch, Function<List<I>, List<O>> batch, Function<I, O> single) {
        this.batch = batch;
        this.single = single;
        this.maxBatch = maxBatch;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Blocks until the item's batch is written; throws what writing it threw. */
    O submit(I item) {
        if (!running) {
            return single.apply(item);
        }
        CompletableFuture<O> answer = new CompletableFuture<>();
        queue.add(new Pending<>(item, answer));
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a group commit", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void run() {
        List<Pending<I, O>> pending = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Pending<I, O> first = queue.take();
                pending.add(first);
                queue.drainTo(pending, maxBatch - 1);
                write(pending);
            } catch (InterruptedException e) {
                // closing: loop ends once the queue is empty
            } catch (RuntimeException e) {
                LOG.error("group commit failed unexpectedly", e);
                pending.forEach(p -> p.answer().completeExceptionally(e));
            } finally {
                pending.clear();
            }
        }
    }

    private void write(List<Pending<I, O>> pending) {
        if (pending.size() > 1) {
            try {
                List<O> answers = batch.apply(pending.stream().map(Pending::item).toList());
                for (int i = 0; i < pending.size(); i++) {
                    pending.get(i).answer().complete(answers.get(i));
                }
                return;
            } catch (RuntimeException e) {
                LOG.debug("a batch of {} failed ({}); writing its items one by one", pending.size(), e.toString());
            }
        }
        for (Pending<I, O> p : pending) {
            try {
                p.answer().complete(single.apply(p.item()));
            } catch (RuntimeException e) {
                p.answer().completeExceptionally(e);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
