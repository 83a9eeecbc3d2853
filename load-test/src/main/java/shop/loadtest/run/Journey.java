package shop.loadtest.run;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Mono;
import shop.loadtest.following.OrderFollower;
import shop.loadtest.mix.Category;
import shop.loadtest.placing.NoDefiniteAnswer;
import shop.loadtest.placing.Persistent;
import shop.loadtest.plan.PlannedOrder;
import shop.loadtest.shop.ShopClient;

/** One order's way through a run: placed until the answer is definite, then followed to its final status. */
final class Journey {

    /** About how long a saga takes under load, so that cancellations meet every step of some and come too late for others. */
    static final Duration CANCEL_WITHIN = Duration.ofMillis(500);

    private final ShopClient shop;
    private final Persistent persistent;
    private final OrderFollower follower;
    private final Measurements measurements;
    private final Ticker ticker;
    private final Duration giveUpAfter;
    private final Mono<?> deadline;
    private final Runnable placingSettled;
    /** Once one order got no definite answer the system is unreachable: later ones are not tried. */
    private final AtomicBoolean abandoned = new AtomicBoolean();

    Journey(
            ShopClient shop,
            Persistent persistent,
            OrderFollower follower,
            Measurements measurements,
            Ticker ticker,
            Duration giveUpAfter,
            Mono<?> deadline,
            Runnable placingSettled) {
        this.shop = shop;
        this.persistent = persistent;
        this.follower = follower;
        this.measurements = measurements;
        this.ticker = ticker;
        this.giveUpAfter = giveUpAfter;
        this.deadline = deadline;
        this.placingSettled = placingSettled;
    }

    Mono<OrderOutcome> run(PlannedOrder order, long intendedStart) {
        return place(order, intendedStart)
                .doOnNext(placed -> placingSettled.run())
                .flatMap(placed -> {
                    if (!placed.accepted()) {
                        return Mono.just(placed);
                    }
                    return order.category() == Category.CANCELLED_BY_CUSTOMER
                            ? followAndCancel(placed)
                            : follow(placed);
                });
    }

    private Mono<OrderOutcome> place(PlannedOrder order, long intendedStart) {
        if (abandoned.get()) {
            measurements.noteFailed();
            return Mono.just(OrderOutcome.failed(order, intendedStart, "not placed: an earlier order got no answer"));
        }
        measurements.noteStarted();
        return persistent
                .post(() -> shop.placeOrder(order), giveUpAfter)
                .map(answer -> answer.orderId()
                        .map(orderId -> accepted(order, intendedStart, orderId))
                        .orElseGet(() -> failed(order, intendedStart, "refused with HTTP " + answer.status())))
                .onErrorResume(error -> {
                    if (error instanceof NoDefiniteAnswer) {
                        abandoned.set(true);
                    }
                    return Mono.just(failed(order, intendedStart, error.getMessage()));
                });
    }

    private OrderOutcome accepted(PlannedOrder order, long intendedStart, UUID orderId) {
        long at = ticker.nanos();
        measurements.noteAccepted(intendedStart, at);
        return OrderOutcome.unfinished(order, intendedStart, orderId, at);
    }

    private OrderOutcome failed(PlannedOrder order, long intendedStart, String error) {
        measurements.noteFailed();
        return OrderOutcome.failed(order, intendedStart, error);
    }

    /**
     * Follows the order while its customer cancels it at a random moment within
     * {@link #CANCEL_WITHIN} of the acceptance, repeating the request (it is safe to) until the
     * answer is definite: 202, or 409 if the saga confirmed the order first.
     */
    private Mono<OrderOutcome> followAndCancel(OrderOutcome placed) {
        UUID orderId = placed.orderId().orElseThrow();
        UUID key = UUID.randomUUID();
        Duration after = Duration.ofMillis(ThreadLocalRandom.current().nextLong(CANCEL_WITHIN.toMillis()));
        Mono<Boolean> cancelled = Mono.delay(after)
                .then(persistent.post(() -> shop.cancel(orderId, key), giveUpAfter))
                .map(answer -> answer.status() == 202)
                .onErrorReturn(false);
        return Mono.zip(follow(placed), cancelled, (outcome, accepted) -> outcome);
    }

    private Mono<OrderOutcome> follow(OrderOutcome placed) {
        return follower.untilFinal(placed.orderId().orElseThrow())
                .map(status -> {
                    long at = ticker.nanos();
                    measurements.noteFinished(placed.intendedStart(), placed.acceptedAt(), at);
                    return placed.finished(status, at);
                })
                .takeUntilOther(deadline)
                .defaultIfEmpty(placed);
    }
}
