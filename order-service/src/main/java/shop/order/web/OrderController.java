package shop.order.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import shop.order.IdempotencyKeyReused;
import shop.order.OrderPlacement;
import shop.order.OrderProgress;
import shop.order.Orders;
import shop.order.UnknownOrderException;
import shop.order.domain.CancellationReason;
import shop.order.domain.OrderStatus;
import shop.platform.web.InvalidRequestException;
import shop.platform.web.Problems;

@RestController
@RequestMapping("/orders")
class OrderController {

    private static final Pattern UUID_FORMAT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final OrderPlacement placement;
    private final OrderProgress progress;
    private final Orders orders;

    OrderController(OrderPlacement placement, OrderProgress progress, Orders orders) {
        this.placement = placement;
        this.progress = progress;
        this.orders = orders;
    }

    /** Starts an order's saga; its outcome is read with GET. */
    @PostMapping
    Mono<ResponseEntity<OrderAccepted>> place(
            @RequestHeader(name = IdempotencyKeyHeader.NAME, required = false) String idempotencyKey,
            @Valid @RequestBody PlaceOrderRequest request) {
        var command = request.toCommand();
        Mono<UUID> placed = idempotencyKey == null
                ? placement.place(command)
                : placement.placeOnce(command, IdempotencyKeyHeader.checked(idempotencyKey));
        return placed.onErrorMap(
                        IdempotencyKeyReused.class,
                        reused -> Problems.unprocessable("Idempotency key reused", reused.getMessage()))
                .map(orderId -> ResponseEntity.accepted()
                        .location(URI.create("/orders/" + orderId))
                        .body(new OrderAccepted(orderId, "PENDING")));
    }

    /**
     * The customer cancels the order: 202 while it is not final, and again for a repeat (an order
     * cancelling or cancelled keeps its first cause); 409 once it is confirmed. A repeat changes
     * nothing by itself, so an Idempotency-Key is only checked for its form.
     */
    @PostMapping("/{orderId}/cancellation")
    Mono<ResponseEntity<OrderAccepted>> cancel(
            @RequestHeader(name = IdempotencyKeyHeader.NAME, required = false) String idempotencyKey,
            @PathVariable String orderId) {
        if (idempotencyKey != null) {
            IdempotencyKeyHeader.checked(idempotencyKey);
        }
        UUID id = parse(orderId);
        return progress.requestCancellation(id, CancellationReason.CUSTOMER_CANCELLED)
                .onErrorMap(
                        UnknownOrderException.class, unknown -> Problems.notFound("Unknown order", "no order " + id))
                .map(order -> {
                    if (order.status() == OrderStatus.CONFIRMED) {
                        throw Problems.conflict(
                                "Order confirmed", "order " + id + " is confirmed: it cannot be cancelled");
                    }
                    return ResponseEntity.accepted()
                            .location(URI.create("/orders/" + id))
                            .body(new OrderAccepted(id, order.status().name()));
                });
    }

    @GetMapping("/{orderId}")
    Mono<OrderView> get(@PathVariable String orderId) {
        UUID id = parse(orderId);
        return orders.find(id)
                .map(OrderView::of)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Unknown order", "no order " + id)));
    }

    // UUID.fromString alone accepts short forms such as "1-2-3-4-5".
    private static UUID parse(String orderId) {
        if (!UUID_FORMAT.matcher(orderId).matches()) {
            throw new InvalidRequestException("orderId", "must be a UUID");
        }
        return UUID.fromString(orderId);
    }
}
