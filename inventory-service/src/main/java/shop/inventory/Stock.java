package shop.inventory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import shop.inventory.domain.InventoryEvent;
import shop.inventory.domain.OrderLine;
import shop.inventory.domain.Product;
import shop.inventory.domain.Reservation;
import shop.inventory.domain.Transition;
import shop.inventory.messaging.InventoryMessages;
import shop.inventory.messaging.ShippingAddress;
import shop.platform.event.OutgoingEvent;
import shop.platform.outbox.Outbox;

/**
 * Inventory's steps of the saga. Each runs inside the transaction of the event being handled:
 * it locks the rows it changes, applies the reservation's transition and saves the new state
 * together with the events announcing it.
 */
@Service
public class Stock {

    private static final Logger log = LoggerFactory.getLogger(Stock.class);

    private final Products products;
    private final Reservations reservations;
    private final Outbox outbox;

    Stock(Products products, Reservations reservations, Outbox outbox) {
        this.products = products;
        this.reservations = reservations;
        this.outbox = outbox;
    }

    /**
     * An order was placed: hold all its lines or none. A second placement of a known order, or
     * one cancelled before it arrived (a tombstone), changes nothing.
     */
    public Mono<Void> reserve(UUID orderId, String customerId, List<OrderLine> order, ShippingAddress shippingAddress) {
        // Two placements of one order racing past this check meet at the reservation's primary
        // key: the later one fails, is retried, and then finds the reservation.
        return reservations.exists(orderId).flatMap(known -> {
            if (known) {
                log.info("Order {} was placed before; ignoring the repeat", orderId);
                return Mono.empty();
            }
            return products.lock(Reservation.skus(order))
                    .map(stock -> Reservation.place(orderId, customerId, order, stock))
                    .flatMap(change -> reservations
                            .insert(change.reservation())
                            .then(save(change, event -> InventoryMessages.of(event, shippingAddress))));
        });
    }

    /** The order failed after its units were held (payment declined or refunded): give them back. */
    public Mono<Void> release(UUID orderId, String failureReason) {
        return move(orderId, "release", (reservation, stock) -> reservation.release(failureReason, stock));
    }

    /**
     * The order is being cancelled ({@code PaymentCancelled}): give back what is held and answer,
     * or, for an order not seen yet, leave a tombstone. A placement racing past the lock meets
     * the tombstone at the reservation's primary key, fails, is retried, and finds it.
     */
    public Mono<Void> cancel(UUID orderId, String customerId, String reason) {
        return reservations
                .lock(orderId)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(found -> {
                    if (found.isEmpty()) {
                        var tombstone = Reservation.cancelBeforePlacing(orderId, customerId, reason);
                        return reservations
                                .insert(tombstone.reservation())
                                .then(save(tombstone, InventoryMessages::of));
                    }
                    Reservation reservation = found.get();
                    return products.lock(reservation.heldSkus())
                            .map(stock -> reservation.cancel(reason, stock))
                            .flatMap(moved -> apply(moved, "cancellation"));
                });
    }

    /** The order was confirmed: its held units are sold. */
    public Mono<Void> sell(UUID orderId) {
        return move(orderId, "sale", Reservation::sell);
    }

    private Mono<Void> move(UUID orderId, String move, Move transition) {
        return reservations
                .lock(orderId)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(found -> {
                    if (found.isEmpty()) {
                        // Inventory emits InventoryReserved before any of these can happen, so
                        // this is a message from outside the saga: note it and change nothing.
                        log.warn("No reservation is known for order {}; ignoring its {}", orderId, move);
                        return Mono.empty();
                    }
                    Reservation reservation = found.get();
                    return products.lock(reservation.heldSkus())
                            .map(stock -> transition.apply(reservation, stock))
                            .flatMap(moved -> apply(moved, move));
                });
    }

    private Mono<Void> apply(Transition moved, String move) {
        return moved instanceof Transition.Changed changed
                ? reservations.updateStatus(changed.reservation()).then(save(changed, InventoryMessages::of))
                : ignored((Transition.Ignored) moved, move);
    }

    private Mono<Void> save(Transition.Changed change, Function<InventoryEvent, OutgoingEvent> message) {
        return Flux.fromIterable(change.products())
                .concatMap(products::saveStock)
                .then(outbox.append(change.events().stream().map(message).toList()));
    }

    private static Mono<Void> ignored(Transition.Ignored ignored, String move) {
        log.info("Ignoring the {} of order {}: {}", move, ignored.reservation().orderId(), ignored.reason());
        return Mono.empty();
    }

    /** What happens to a reservation and its locked products. */
    @FunctionalInterface
    private interface Move {
        Transition apply(Reservation reservation, Map<String, Product> stock);
    }
}
