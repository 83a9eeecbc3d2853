package shop.gateway.view.web;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import shop.gateway.view.domain.OrderView;
import shop.gateway.view.domain.PublicStatus;
import shop.gateway.view.domain.SagaEvent;

/**
 * Asks order-service about an order the view has not seen yet, so that a read following its own
 * write never answers 404 while the view catches up.
 */
class OrderServiceLookup {

    private final WebClient orderService;
    private final Duration timeout;

    OrderServiceLookup(WebClient orderService, Duration timeout) {
        this.orderService = orderService;
        this.timeout = timeout;
    }

    Mono<OrderView> find(UUID orderId) {
        return orderService
                .get()
                .uri("/orders/{orderId}", orderId)
                .retrieve()
                .bodyToMono(OrderState.class)
                .map(OrderState::toView)
                .timeout(timeout)
                .onErrorResume(WebClientResponseException.NotFound.class, notFound -> Mono.empty())
                .onErrorMap(
                        error -> !(error instanceof ResponseStatusException),
                        error -> new ResponseStatusException(
                                HttpStatus.SERVICE_UNAVAILABLE,
                                "the order is not in the view yet and order-service cannot be asked now",
                                error));
    }

    /** The fields of order-service's answer that the view shows. */
    record OrderState(
            UUID orderId,
            String customerId,
            String status,
            String failureReason,
            List<SagaEvent.Line> items,
            Instant updatedAt) {

        OrderView toView() {
            return new OrderView(
                    orderId,
                    customerId,
                    PublicStatus.valueOf(status),
                    failureReason,
                    (BigDecimal) null,
                    items == null ? List.of() : items,
                    0,
                    updatedAt == null ? Instant.now() : updatedAt);
        }
    }
}
