package io.glossa.registry;

import java.time.Instant;

/** A worker refused a version: its checksum, loading or smoke test failed. */
public record Refusal(String worker, String version, String reason, Instant at) {}
