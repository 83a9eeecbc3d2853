package shop.platform.event;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * A W3C trace context ({@code traceparent}, version 00). Each event continues the trace of the
 * event or request that caused it with a span of its own, so one order's saga reads as one trace.
 */
public record TraceParent(String traceId, String spanId, String flags) {

    private static final Pattern FORMAT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final String INVALID_TRACE = "0".repeat(32);
    private static final String INVALID_SPAN = "0".repeat(16);

    public static TraceParent newTrace() {
        return new TraceParent(randomHex(16), randomHex(8), "01");
    }

    /** Parses a header value; an absent or invalid one yields {@code null}, as W3C asks. */
    public static TraceParent parse(String header) {
        if (header == null) {
            return null;
        }
        var matcher = FORMAT.matcher(header.trim());
        if (!matcher.matches()
                || matcher.group(1).equals(INVALID_TRACE)
                || matcher.group(2).equals(INVALID_SPAN)) {
            return null;
        }
        return new TraceParent(matcher.group(1), matcher.group(2), matcher.group(3));
    }

    public TraceParent child() {
        return new TraceParent(traceId, randomHex(8), flags);
    }

    @Override
    public String toString() {
        return "00-" + traceId + "-" + spanId + "-" + flags;
    }

    private static String randomHex(int bytes) {
        var random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
