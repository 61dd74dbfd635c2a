package io.glossa.store;

/** How many texts are in each state, and how many jobs still wait in the outbox. */
record StoreStats(long pending, long done, long failed, long unpublished) {
    public long total() {
        return pending + done + failed;
    }
}
