package shop.loadtest.run;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Counts and latencies of a run as orders progress, shared by the orders in flight and the
 * progress line. Latencies are recorded in microseconds.
 */
public final class Measurements {

    private final Histogram accept = new ConcurrentHistogram(3);
    private final Histogram completion = new ConcurrentHistogram(3);
    private final Histogram endToEnd = new ConcurrentHistogram(3);
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger placed = new AtomicInteger();
    private final AtomicInteger completed = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicLong lastAcceptedAt = new AtomicLong();
    private final AtomicLong lastFinishedAt = new AtomicLong();

    void noteStarted() {
        started.incrementAndGet();
    }

    void noteAccepted(long intendedStart, long acceptedAt) {
        accept.recordValue(micros(acceptedAt - intendedStart));
        placed.incrementAndGet();
        lastAcceptedAt.accumulateAndGet(acceptedAt, Math::max);
    }

    void noteFinished(long intendedStart, long acceptedAt, long finishedAt) {
        completion.recordValue(micros(finishedAt - acceptedAt));
        endToEnd.recordValue(micros(finishedAt - intendedStart));
        completed.incrementAndGet();
        lastFinishedAt.accumulateAndGet(finishedAt, Math::max);
    }

    void noteFailed() {
        failed.incrementAndGet();
    }

    private static long micros(long nanos) {
        return Math.max(0, TimeUnit.NANOSECONDS.toMicros(nanos));
    }

    /** From the intended start to the 202. */
    public Histogram acceptLatency() {
        return accept;
    }

    /** From the 202 to the final status seen at the gateway. */
    public Histogram completionLatency() {
        return completion;
    }

    /** From the intended start to the final status: what a client of the open model waits. */
    public Histogram endToEndLatency() {
        return endToEnd;
    }

    public int started() {
        return started.get();
    }

    public int placed() {
        return placed.get();
    }

    public int completed() {
        return completed.get();
    }

    public int failedCount() {
        return failed.get();
    }

    /** Accepted and not yet final. */
    public int inFlight() {
        return placed.get() - completed.get();
    }

    public long lastAcceptedAt() {
        return lastAcceptedAt.get();
    }

    public long lastFinishedAt() {
        return lastFinishedAt.get();
    }
}
