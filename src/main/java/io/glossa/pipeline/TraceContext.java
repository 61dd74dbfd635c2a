package io.glossa.pipeline;

import java.util.concurrent.ThreadLocalRandom;

/**
 * A W3C Trace Context ({@code traceparent}, https://www.w3.org/TR/trace-context/): which trace a text belongs to
 * and which span handed it on. Kept as its validated version-00 header value, because that one string is what
 * travels — written to the outbox row, read back by the relay, sent as an AMQP header or body field — so carrying a
 * text's trace costs no parsing or formatting on the way; the ids are cut out only when a log line needs them.
 *
 * <p>Parsing follows the specification's rules for a receiver: {@code version-traceid-parentid-flags} in lowercase
 * hex; version {@code ff} is invalid; trace id and parent id must not be all zeros; a version above 00 is read as 00
 * (its first four fields, as long as what follows them starts with a dash). Anything else is not a trace context:
 * {@link #parse} returns null, since a bad header from a client or producer must never fail its request or job.
 */
public final class TraceContext {
    private static final int LENGTH = 55;
    private static final int TRACE_ID = 3;
    private static final int PARENT_ID = 36;
    private static final int FLAGS = 53;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final String header;

    private TraceContext(String header) {
        this.header = header;
    }

    /** The context a {@code traceparent} value gives, or null when it is absent or not a valid one. */
    public static TraceContext parse(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        if (v.length() < LENGTH
                || !isHex(v, 0, 2)
                || v.startsWith("ff")
                || v.charAt(2) != '-'
                || v.charAt(35) != '-'
                || v.charAt(52) != '-'
                || !isHex(v, TRACE_ID, 35)
                || !isHex(v, PARENT_ID, 52)
                || !isHex(v, FLAGS, LENGTH)
                || isZero(v, TRACE_ID, 35)
                || isZero(v, PARENT_ID, 52)) {
            return null;
        }
        boolean version00 = v.startsWith("00");
        if (version00 ? v.length() != LENGTH : v.length() > LENGTH && v.charAt(LENGTH) != '-') {
            return null; // 00 has exactly four fields; a later version may add fields after a dash
        }
        return new TraceContext(version00 && v.length() == value.length() ? value : "00" + v.substring(2, LENGTH));
    }

    /** A new trace: random trace id and span id, not sampled (glossa records no spans itself). */
    public static TraceContext start() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] c = "00-00000000000000000000000000000000-0000000000000000-00".toCharArray();
        writeNonZero(c, TRACE_ID, random);
        writeNonZero(c, TRACE_ID + 16, random);
        writeNonZero(c, PARENT_ID, random);
        return new TraceContext(new String(c));
    }

    /**
     * What a server does with an incoming request's header: the same trace with a new span id of its own (the
     * caller's span is its parent), or a new trace when the header is absent or invalid.
     */
    public static TraceContext continueOrStart(String traceparent) {
        TraceContext parent = parse(traceparent);
        return parent == null ? start() : parent.child();
    }

    /** The same trace and flags with a new random span id: the span of whoever handles what this context came with. */
    public TraceContext child() {
        char[] c = header.toCharArray();
        writeNonZero(c, PARENT_ID, ThreadLocalRandom.current());
        return new TraceContext(new String(c));
    }

    /** The version-00 header value, e.g. {@code 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01}. */
    public String traceparent() {
        return header;
    }

    /** 32 lowercase hex digits. */
    public String traceId() {
        return header.substring(TRACE_ID, 35);
    }

    /** 16 lowercase hex digits: the span this context names (the parent of whoever receives it). */
    public String spanId() {
        return header.substring(PARENT_ID, 52);
    }

    public boolean sampled() {
        return (Character.digit(header.charAt(54), 16) & 1) == 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TraceContext other && other.header.equals(header);
    }

    @Override
    public int hashCode() {
        return header.hashCode();
    }

    @Override
    public String toString() {
        return header;
    }

    /** 16 hex digits of a random non-zero long at {@code from} (all-zero ids are invalid). */
    private static void writeNonZero(char[] c, int from, ThreadLocalRandom random) {
        long bits;
        do {
            bits = random.nextLong();
        } while (bits == 0);
        for (int i = 15; i >= 0; i--) {
            c[from + i] = HEX[(int) (bits & 0xf)];
            bits >>>= 4;
        }
    }

    private static boolean isHex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char ch = s.charAt(i);
            if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isZero(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }
}
