package shop.loadtest.following;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.util.retry.Retry;
import shop.loadtest.shop.ShopClient;
import shop.loadtest.shop.StatusEvent;

/**
 * Waits for an order's final status over its SSE stream. A stream that fails or ends early is
 * opened again (it starts with the current status, so nothing is missed); after several failures
 * in a row the follower polls {@code GET /api/orders/{id}} instead. It never gives up on its own:
 * the run cuts it off at its deadline.
 */
public final class OrderFollower {

    static final int STREAM_RECONNECTS = 3;
    static final Duration FIRST_RECONNECT = Duration.ofMillis(200);
    static final Duration POLL_EVERY = Duration.ofMillis(500);

    private final ShopClient shop;
    private final Scheduler timer;
    private final AtomicInteger reconnects = new AtomicInteger();
    private final AtomicInteger fallbacksToPolling = new AtomicInteger();

    public OrderFollower(ShopClient shop, Scheduler timer) {
        this.shop = shop;
        this.timer = timer;
    }

    public Mono<StatusEvent> untilFinal(UUID orderId) {
        return shop.stream(orderId)
                .filter(StatusEvent::isFinal)
                .next()
                .switchIfEmpty(Mono.error(() -> new StreamEnded(orderId)))
                .retryWhen(Retry.backoff(STREAM_RECONNECTS, FIRST_RECONNECT)
                        .scheduler(timer)
                        .doBeforeRetry(signal -> reconnects.incrementAndGet()))
                .onErrorResume(streamKeepsFailing -> {
                    fallbacksToPolling.incrementAndGet();
                    return poll(orderId);
                });
    }

    /** Streams opened again after one failed or ended early, over all orders so far. */
    public int reconnects() {
        return reconnects.get();
    }

    /** Orders whose streams failed so often that the follower polled them instead. */
    public int fallbacksToPolling() {
        return fallbacksToPolling.get();
    }

    private Mono<StatusEvent> poll(UUID orderId) {
        return Flux.interval(Duration.ZERO, POLL_EVERY, timer)
                .onBackpressureDrop()
                .concatMap(tick -> shop.order(orderId).onErrorResume(error -> Mono.empty()), 1)
                .filter(order -> order.isFinal())
                .next()
                .map(order -> new StatusEvent(order.orderId(), order.status(), order.failureReason()));
    }

    /** The stream completed without a final status (the server closed it early). */
    static final class StreamEnded extends RuntimeException {
        StreamEnded(UUID orderId) {
            super("the stream of " + orderId + " ended before a final status");
        }
    }
}
