package io.glossa.pipeline;

/** A stored text with its body and current state, for history views. */
public record HistoryItem(TextRecord record, String text) {}
