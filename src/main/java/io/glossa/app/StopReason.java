package io.glossa.app;

/** Why a running role stopped: asked to (SIGTERM, Ctrl+C, close), or because a vital part died (see Watchdog). */
public enum StopReason {
    REQUESTED,
    PART_DIED
}
