package shop.loadtest.report;

import org.HdrHistogram.Histogram;

/** Percentiles of one latency, in milliseconds. */
public record Latency(double p50, double p90, double p99, double max) {

    /** From a histogram of microseconds; all zero when nothing was recorded. */
    public static Latency of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return new Latency(0, 0, 0, 0);
        }
        return new Latency(
                millis(micros.getValueAtPercentile(50)),
                millis(micros.getValueAtPercentile(90)),
                millis(micros.getValueAtPercentile(99)),
                millis(micros.getMaxValue()));
    }

    private static double millis(long micros) {
        return Math.round(micros / 100.0) / 10.0;
    }
}
