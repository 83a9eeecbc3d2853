package shop.inventory;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import shop.platform.BackgroundWork;

/**
 * Counts the reservations still held past their saga's deadline ({@code shop.saga.overdue}):
 * units an order holds although its saga should have ended, confirmed (sold) or cancelled
 * (released), by then. Each is a saga waiting on a step after inventory's.
 */
@Component
class HeldPastDeadline extends BackgroundWork {

    private static final Duration EVERY = Duration.ofSeconds(5);

    private final Reservations reservations;
    private final Duration deadline;
    private final AtomicLong held = new AtomicLong();

    HeldPastDeadline(
            Reservations reservations, @Value("${shop.saga.deadline}") Duration deadline, MeterRegistry meters) {
        this.reservations = reservations;
        this.deadline = deadline;
        Gauge.builder("shop.saga.overdue", held, AtomicLong::get)
                .description("reservations still held past their saga's deadline")
                .register(meters);
    }

    @Override
    protected Disposable begin() {
        return every(
                EVERY,
                "Count of reservations held past the deadline",
                () -> reservations.countHeldLongerThan(deadline).doOnNext(held::set));
    }
}
