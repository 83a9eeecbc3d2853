package shop.shipping.shipment;

import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Mono;
import shop.platform.outbox.Outbox;
import shop.shipping.messaging.ShippingMessages;
import shop.shipping.shipment.domain.CountryCode;
import shop.shipping.shipment.domain.Shipment;
import shop.shipping.shipment.domain.ShippingCountries;

/** Arranges the shipment of paid orders and answers what became of them. */
public class Dispatcher {

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
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(existing ->
                        Mono.justOrEmpty(Shipment.paymentCompleted(existing, orderId, destination, countries)))
                .flatMap(arranged -> shipments
                        .insert(arranged.shipment())
                        .filter(inserted -> inserted)
                        .flatMap(inserted -> outbox.append(ShippingMessages.of(arranged.event()))));
    }

    public Mono<Shipment> find(UUID orderId) {
        return shipments.find(orderId);
    }
}
