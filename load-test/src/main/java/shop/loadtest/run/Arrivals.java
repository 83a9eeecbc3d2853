package shop.loadtest.run;

import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import shop.loadtest.plan.PlannedOrder;

/** When each order starts: the closed and the open model. */
public final class Arrivals {

    private Arrivals() {}

    /**
     * Closed model: {@code concurrency} orders in flight; the next one starts when one finishes,
     * so its intended start is when it really starts.
     */
    public static <R> Flux<R> closed(
            List<PlannedOrder> orders, int concurrency, Ticker ticker, BiFunction<PlannedOrder, Long, Mono<R>> start) {
        return Flux.fromIterable(orders)
                .flatMap(order -> Mono.defer(() -> start.apply(order, ticker.nanos())), concurrency);
    }

    /**
     * Open model: order {@code i} is due at {@code t0 + i / rate}, however many are still in
     * flight. Its intended start is that due time, not the moment the timer got round to it, so a
     * late tick (a busy machine, a paused generator) shows up as latency instead of being hidden
     * (coordinated omission).
     */
    public static <R> Flux<R> open(
            List<PlannedOrder> orders,
            double ordersPerSecond,
            Scheduler timer,
            Ticker ticker,
            BiFunction<PlannedOrder, Long, Mono<R>> start) {
        double nanosApart = 1e9 / ordersPerSecond;
        return Flux.defer(() -> {
            long t0 = ticker.nanos();
            return Flux.interval(Duration.ZERO, Duration.ofNanos(Math.max(1, Math.round(nanosApart))), timer)
                    .onBackpressureBuffer()
                    .take(orders.size())
                    .flatMap(
                            tick -> start.apply(orders.get(tick.intValue()), t0 + Math.round(tick * nanosApart)),
                            Integer.MAX_VALUE);
        });
    }
}
