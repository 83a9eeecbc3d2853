package shop.order;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import shop.order.domain.CancellationReason;
import shop.order.domain.Order;
import shop.order.domain.Transition;
import shop.order.messaging.OrderMessages;
import shop.platform.database.WholeTransactions;
import shop.platform.outbox.Outbox;

/**
 * Applies what the saga reports to the order it concerns, in the caller's transaction (the
 * consumer's), and cancellations, in a transaction of their own: lock the order, run the
 * transition, store it and its events.
 */
@Component
public class OrderProgress {

    private static final Logger log = LoggerFactory.getLogger(OrderProgress.class);

    private final Orders orders;
    private final Outbox outbox;

    private final WholeTransactions transactions;

    OrderProgress(Orders orders, Outbox outbox, WholeTransactions transactions) {
        this.orders = orders;
        this.outbox = outbox;
        this.transactions = transactions;
    }

    public Mono<Void> apply(UUID orderId, BiFunction<Order, Instant, Transition> transition) {
        return orders.lock(orderId)
                .switchIfEmpty(Mono.error(() -> new UnknownOrderException(orderId)))
                .flatMap(order -> store(transition.apply(order, now())));
    }

    /**
     * Asks for the order's cancellation, in one transaction that runs to its end whatever the
     * caller does; answers the order as it then stands.
     */
    public Mono<Order> requestCancellation(UUID orderId, CancellationReason reason) {
        return transactions.run(orders.lock(orderId)
                .switchIfEmpty(Mono.error(() -> new UnknownOrderException(orderId)))
                .flatMap(order -> {
                    Transition transition = order.requestCancellation(reason, now());
                    return store(transition).thenReturn(transition.order());
                }));
    }

    /** An order claimed past its deadline (in the caller's transaction) is cancelled as TIMED_OUT. */
    Mono<Void> timeOut(Order overdue) {
        return store(overdue.requestCancellation(CancellationReason.TIMED_OUT, now()));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private Mono<Void> store(Transition transition) {
        if (transition instanceof Transition.Changed changed) {
            return orders.updateStatus(changed.order()).then(outbox.append(OrderMessages.of(changed.events())));
        }
        var ignored = (Transition.Ignored) transition;
        log.info("Order {} unchanged: {}", ignored.order().id(), ignored.reason());
        return Mono.empty();
    }
}
