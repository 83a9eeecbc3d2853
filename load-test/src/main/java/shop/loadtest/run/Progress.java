package shop.loadtest.run;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;

/** The live progress line, once a second: rewritten in place on a terminal, one line each otherwise. */
final class Progress {

    private final Measurements measurements;
    private final int orders;
    private final PrintStream out;
    private final boolean terminal;
    private final AtomicInteger completedBefore = new AtomicInteger();

    Progress(Measurements measurements, int orders, PrintStream out, boolean terminal) {
        this.measurements = measurements;
        this.orders = orders;
        this.out = out;
        this.terminal = terminal;
    }

    Disposable show(Scheduler timer) {
        Disposable ticks = Flux.interval(Duration.ofSeconds(1), timer).subscribe(tick -> print());
        return () -> {
            ticks.dispose();
            if (terminal) {
                out.println();
            }
        };
    }

    private void print() {
        int completed = measurements.completed();
        int perSecond = completed - completedBefore.getAndSet(completed);
        String line = String.format(
                "placed %d/%d  completed %d  in flight %d  errors %d  %d completed/s",
                measurements.placed(),
                orders,
                completed,
                measurements.inFlight(),
                measurements.failedCount(),
                perSecond);
        if (terminal) {
            out.print("\r" + line + "    ");
            out.flush();
        } else {
            out.println(line);
        }
    }
}
