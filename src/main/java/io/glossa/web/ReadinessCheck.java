package io.glossa.web;

import java.util.function.BooleanSupplier;

/** One part {@code /ready} reports on, e.g. "broker", "database", "model". */
public record ReadinessCheck(String name, BooleanSupplier probe) {}
