package io.glossa.cli;

/** Exit codes of every glossa command. */
final class ExitCodes {
    public static final int OK = 0;
    /** The user can fix it: bad input file, bad model, unusable option value. */
    public static final int USER_ERROR = 1;
    /** Bad command line syntax (unknown option, missing required option). */
    public static final int USAGE = 2;
    /** A bug or an environment failure: please report it (with --verbose). */
    public static final int INTERNAL = 70;

    private ExitCodes() {}

    /** A long-running role's status: 0 when asked to stop, {@link #INTERNAL} when a vital part died. */
    public static int of(io.glossa.app.StopReason reason) {
        return reason == io.glossa.app.StopReason.PART_DIED ? INTERNAL : OK;
    }
}
