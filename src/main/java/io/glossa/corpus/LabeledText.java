package io.glossa.corpus;

/** One line of a labelled corpus: the expected label and its text. */
public record LabeledText(String label, String text) {}
