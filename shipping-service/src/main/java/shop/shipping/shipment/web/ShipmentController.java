package shop.shipping.shipment.web;

import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import shop.platform.web.Problems;
import shop.shipping.shipment.Shipments;

/** An internal read of a shipment, for debugging; the gateway does not route it. */
@RestController
class ShipmentController {

    private final Shipments shipments;

    ShipmentController(Shipments shipments) {
        this.shipments = shipments;
    }

    @GetMapping("/shipments/{orderId}")
    Mono<ShipmentResponse> shipment(@PathVariable UUID orderId) {
        return shipments
                .find(orderId)
                .map(ShipmentResponse::of)
                .switchIfEmpty(
                        Mono.error(() -> Problems.notFound("Unknown shipment", "no shipment for order " + orderId)));
    }
}
