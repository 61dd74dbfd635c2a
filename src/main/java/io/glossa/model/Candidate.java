package io.glossa.model;

/** One language the model considers, with its calibrated probability. */
public record Candidate(String language, String name, String nativeName, double probability) {}
