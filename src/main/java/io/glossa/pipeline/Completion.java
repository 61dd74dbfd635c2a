package io.glossa.pipeline;

/** What storing one result of many did ({@link TextStore#completeAll}). */
public enum Completion {
    /** This call stored it. */
    STORED,
    /** A result for that id and model version was already there; nothing changed. */
    ALREADY_STORED,
    /** No text has that id; nothing was stored for it, the others were. */
    UNKNOWN_TEXT
}
