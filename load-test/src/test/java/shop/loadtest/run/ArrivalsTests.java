package shop.loadtest.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;
import shop.loadtest.mix.Mix;
import shop.loadtest.plan.Plan;
import shop.loadtest.plan.PlannedOrder;

/** When orders start, on virtual time. */
class ArrivalsTests {

    final List<PlannedOrder> orders = Plan.of("t", Mix.DEFAULT, 5).orders();

    record Started(int index, long intendedMillis, long actualMillis) {}

    @Test
    void theOpenModelKeepsItsScheduleWhileEarlierOrdersAreStillInFlight() {
        StepVerifier.withVirtualTime(() -> {
                    var timer = VirtualTimeScheduler.get();
                    Ticker ticker = Ticker.of(timer);
                    // every order takes 3 s, far longer than the 100 ms between starts
                    return Arrivals.open(orders, 10, timer, ticker, (order, intended) -> {
                                var started =
                                        new Started(order.index(), intended / 1_000_000, ticker.nanos() / 1_000_000);
                                return Mono.delay(Duration.ofSeconds(3), timer).thenReturn(started);
                            })
                            .collectList();
                })
                .thenAwait(Duration.ofSeconds(4))
                .assertNext(started -> assertThat(started)
                        .containsExactly(
                                new Started(0, 0, 0),
                                new Started(1, 100, 100),
                                new Started(2, 200, 200),
                                new Started(3, 300, 300),
                                new Started(4, 400, 400)))
                .verifyComplete();
    }

    @Test
    void theOpenModelMeasuresFromTheIntendedStartWhenTheGeneratorStalls() {
        var measurements = new Measurements();
        AtomicLong stall = new AtomicLong();
        StepVerifier.withVirtualTime(() -> {
                    var timer = VirtualTimeScheduler.get();
                    // the clock the latencies are read from; a stall (a GC pause, a busy machine) moves it on
                    Ticker ticker = () -> timer.now(TimeUnit.NANOSECONDS) + stall.get();
                    return Arrivals.open(orders, 10, timer, ticker, (order, intended) -> {
                                // the 202 comes back at once: all the latency is the generator's own delay
                                measurements.noteAccepted(intended, ticker.nanos());
                                stall.set(TimeUnit.MILLISECONDS.toNanos(500));
                                return Mono.just(order.index());
                            })
                            .then();
                })
                .thenAwait(Duration.ofSeconds(1))
                .verifyComplete();

        // order 0 started on time; the four after the stall are each 500 ms late, and it shows
        assertThat(measurements.acceptLatency().getTotalCount()).isEqualTo(5);
        assertThat(measurements.acceptLatency().getCountBetweenValues(499_000, 501_000))
                .isEqualTo(4);
        assertThat(measurements.acceptLatency().getMinValue()).isZero();
    }

    @Test
    void theClosedModelKeepsAtMostItsConcurrencyInFlight() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();

        StepVerifier.withVirtualTime(() -> {
                    var timer = VirtualTimeScheduler.get();
                    return Arrivals.closed(
                                    orders,
                                    2,
                                    Ticker.of(timer),
                                    (order, intended) -> Mono.delay(Duration.ofSeconds(1), timer)
                                            .doOnSubscribe(s -> mostInFlight.accumulateAndGet(
                                                    inFlight.incrementAndGet(), Math::max))
                                            .doOnNext(tick -> inFlight.decrementAndGet())
                                            .thenReturn(intended))
                            .collectList();
                })
                .thenAwait(Duration.ofSeconds(3))
                .assertNext(intended ->
                        assertThat(intended).containsExactly(0L, 0L, 1_000_000_000L, 1_000_000_000L, 2_000_000_000L))
                .verifyComplete();
        assertThat(mostInFlight).hasValue(2);
    }
}
