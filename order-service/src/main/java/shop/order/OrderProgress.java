package shop.order;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import shop.order.domain.Order;
import shop.order.domain.Transition;
import shop.order.messaging.OrderMessages;
import shop.platform.outbox.Outbox;

/**
 * Applies what the saga reports to the order it concerns, in the caller's transaction (the
 * consumer's): lock the order, run the transition, store it and its events.
 */
@Component
public class OrderProgress {

    private static final Logger log = LoggerFactory.getLogger(OrderProgress.class);

    private final Orders orders;
    private final Outbox outbox;

    OrderProgress(Orders orders, Outbox outbox) {
        this.orders = orders;
        this.outbox = outbox;
    }

    public Mono<Void> apply(UUID orderId, BiFunction<Order, Instant, Transition> transition) {
        return orders.lock(orderId)
                .switchIfEmpty(Mono.error(() -> new UnknownOrderException(orderId)))
                .flatMap(order -> store(transition.apply(order, Instant.now().truncatedTo(ChronoUnit.MILLIS))));
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
