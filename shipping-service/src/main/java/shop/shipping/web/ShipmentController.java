package shop.shipping.web;

import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import shop.platform.web.Problems;
import shop.shipping.Dispatcher;

/** An internal read of a shipment, for debugging; the gateway does not route it. */
@RestController
class ShipmentController {

    private final Dispatcher dispatcher;

    ShipmentController(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @GetMapping("/shipments/{orderId}")
    Mono<ShipmentResponse> shipment(@PathVariable UUID orderId) {
        return dispatcher
                .find(orderId)
                .map(ShipmentResponse::of)
                .switchIfEmpty(
                        Mono.error(() -> Problems.notFound("Unknown shipment", "no shipment for order " + orderId)));
    }
}
