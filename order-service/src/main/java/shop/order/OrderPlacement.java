package shop.order;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import shop.order.domain.Order;
import shop.order.domain.Transition;
import shop.order.messaging.OrderMessages;
import shop.platform.database.WholeTransactions;
import shop.platform.outbox.Outbox;

/**
 * Places orders: the order row, its OrderPlaced event and, with an Idempotency-Key, the key row
 * commit in one transaction. The key row is claimed first: of two concurrent requests with the
 * same key, the second waits on the key's primary key until the first commits, then finds its
 * row and answers with the first one's order. The transaction runs to its end even if the client
 * stops waiting ({@link WholeTransactions}).
 */
@Component
public class OrderPlacement {

    private static final int RACE_RETRIES = 3;

    private final Orders orders;
    private final IdempotencyKeys keys;
    private final Outbox outbox;
    private final WholeTransactions transactions;

    private final SagaDeadlineProperties saga;

    OrderPlacement(
            Orders orders,
            IdempotencyKeys keys,
            Outbox outbox,
            WholeTransactions transactions,
            SagaDeadlineProperties saga) {
        this.orders = orders;
        this.keys = keys;
        this.outbox = outbox;
        this.transactions = transactions;
        this.saga = saga;
    }

    /** Places a new order; answers its id. */
    public Mono<UUID> place(PlaceOrder request) {
        return Mono.defer(() -> {
            Transition.Changed placed = placeNew(request);
            return transactions.run(save(placed)).thenReturn(placed.order().id());
        });
    }

    /**
     * Places the order once per customer and key: a repeated request answers the first one's
     * order id; the key with a different request fails with {@link IdempotencyKeyReused}.
     */
    public Mono<UUID> placeOnce(PlaceOrder request, String idempotencyKey) {
        String requestHash = RequestFingerprint.of(request);
        return Mono.defer(() -> {
                    Transition.Changed placed = placeNew(request);
                    UUID orderId = placed.order().id();
                    return transactions.run(keys.claim(request.customerId(), idempotencyKey, requestHash, orderId)
                            .flatMap(claimed -> claimed
                                    ? save(placed).thenReturn(orderId)
                                    : replay(request.customerId(), idempotencyKey, requestHash)));
                })
                // The key may be swept between the claim and the read, or the transaction may
                // lose a race the database resolves by failing it: the next attempt reads again.
                .retryWhen(Retry.max(RACE_RETRIES)
                        .filter(failure ->
                                failure instanceof KeyGone || failure instanceof TransientDataAccessException));
    }

    private Mono<UUID> replay(String customerId, String idempotencyKey, String requestHash) {
        return keys.find(customerId, idempotencyKey)
                .switchIfEmpty(Mono.error(KeyGone::new))
                .flatMap(stored -> stored.requestHash().equals(requestHash)
                        ? Mono.just(stored.orderId())
                        : Mono.error(new IdempotencyKeyReused()));
    }

    private static Transition.Changed placeNew(PlaceOrder request) {
        return Order.place(
                UUID.randomUUID(),
                request.customerId(),
                request.lines(),
                request.shippingAddress(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    private Mono<Void> save(Transition.Changed placed) {
        Order order = placed.order();
        return orders.insert(order, order.createdAt().plus(saga.deadline()))
                .then(outbox.append(OrderMessages.of(placed.events())));
    }

    /** The key's row was deleted after the claim found it. */
    private static final class KeyGone extends RuntimeException {
        KeyGone() {
            super("the idempotency key expired while it was read", null, false, false);
        }
    }
}
