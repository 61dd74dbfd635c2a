package io.glossa.corpus;

/** One line of a labelled corpus: the label (e.g. a language code) and the raw text. */
public record LabeledText(String label, String text) {}
