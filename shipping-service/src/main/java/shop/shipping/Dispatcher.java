package shop.shipping;

import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import shop.platform.outbox.Outbox;
import shop.shipping.domain.CountryCode;
import shop.shipping.domain.FailureReason;
import shop.shipping.domain.Shipment;
import shop.shipping.domain.ShippingCountries;
import shop.shipping.domain.Transition;
import shop.shipping.messaging.ShippingMessages;

/** Arranges the shipment of paid orders and answers what became of them. */
public class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final Shipments shipments;
    private final Outbox outbox;
    private final ShippingCountries countries;

    Dispatcher(Shipments shipments, Outbox outbox, ShippingCountries countries) {
        this.shipments = shipments;
        this.outbox = outbox;
        this.countries = countries;
    }

    /** Runs in the caller's transaction: the shipment and its event commit together. */
    public Mono<Void> paymentCompleted(UUID orderId, CountryCode destination) {
        return shipments
                .find(orderId)
                .map(existing -> existing.paymentCompleted(destination))
                .switchIfEmpty(Mono.fromSupplier(() -> Shipment.arrange(orderId, destination, countries)))
                .flatMap(transition -> {
                    if (transition instanceof Transition.Changed changed) {
                        return shipments
                                .insert(changed.shipment())
                                .filter(inserted -> inserted)
                                .flatMap(inserted -> outbox.append(ShippingMessages.of(changed.events())));
                    }
                    log.info(
                            "Ignoring the payment of order {}: {}",
                            orderId,
                            ((Transition.Ignored) transition).reason());
                    return Mono.empty();
                });
    }

    /**
     * The order is being cancelled: a scheduled shipment comes off the schedule, and shipping
     * answers in any case. Before the payment it leaves a tombstone; if a payment's shipment is
     * stored first meanwhile, the tombstone is not, and the shipment that won is cancelled instead.
     */
    public Mono<Void> cancel(UUID orderId, String customerId, FailureReason reason) {
        return cancel(orderId, customerId, reason, true);
    }

    private Mono<Void> cancel(UUID orderId, String customerId, FailureReason reason, boolean mayLeaveTombstone) {
        return shipments
                .lock(orderId)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(found -> {
                    if (found.isPresent()) {
                        var cancelled = found.get().cancel(customerId, reason);
                        return shipments
                                .update(cancelled.shipment())
                                .then(outbox.append(ShippingMessages.of(cancelled.events())));
                    }
                    if (!mayLeaveTombstone) {
                        return Mono.error(new IllegalStateException(
                                "the shipment of order " + orderId + " that kept its tombstone out is gone"));
                    }
                    var tombstone = Shipment.cancelBeforeArranging(orderId, customerId, reason);
                    return shipments
                            .insert(tombstone.shipment())
                            .flatMap(inserted -> inserted
                                    ? outbox.append(ShippingMessages.of(tombstone.events()))
                                    : cancel(orderId, customerId, reason, false));
                });
    }

    public Mono<Shipment> find(UUID orderId) {
        return shipments.find(orderId);
    }
}
