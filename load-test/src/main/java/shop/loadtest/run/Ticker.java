package shop.loadtest.run;

import java.util.concurrent.TimeUnit;
import reactor.core.scheduler.Scheduler;

/** A monotonic clock in nanoseconds: the system's, or a test's virtual one. */
@FunctionalInterface
public interface Ticker {

    long nanos();

    static Ticker system() {
        return System::nanoTime;
    }

    static Ticker of(Scheduler scheduler) {
        return () -> scheduler.now(TimeUnit.NANOSECONDS);
    }
}
