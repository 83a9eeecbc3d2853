package shop.order;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import shop.order.domain.OrderStatus;
import shop.platform.deadletter.DeadLetter;
import shop.platform.deadletter.DeadLetterEndpoint;

/**
 * {@code /actuator/overduesagas}: the orders not final past their saga's deadline, oldest first,
 * with what they wait on and the dead letters that name them (a step that failed for good and
 * waits for a person to fix its cause and replay it). Served on 127.0.0.1 only, like every
 * service's actuator.
 */
@Component
@Endpoint(id = "overduesagas")
class OverdueSagasEndpoint {

    static final int LIMIT = 100;

    private final Orders orders;
    private final DeadLetterEndpoint deadLetters;

    OverdueSagasEndpoint(Orders orders, DeadLetterEndpoint deadLetters) {
        this.orders = orders;
        this.deadLetters = deadLetters;
    }

    @ReadOperation
    Mono<List<OverdueSaga>> list() {
        return Mono.zip(orders.overdue(LIMIT).collectList(), deadLetters.list())
                .map(found -> found.getT1().stream()
                        .map(overdue -> OverdueSaga.of(overdue, found.getT2()))
                        .toList());
    }

    /** One order past its deadline; {@code deadLetters} by the consumer queue they failed in. */
    record OverdueSaga(
            UUID orderId,
            OrderStatus status,
            String failureReason,
            Instant placedAt,
            Instant deadline,
            String waitingOn,
            Map<String, List<DeadLetter>> deadLetters) {

        static OverdueSaga of(Orders.Overdue overdue, Map<String, List<DeadLetter>> allDeadLetters) {
            String orderId = overdue.order().id().toString();
            Map<String, List<DeadLetter>> ofOrder = new java.util.TreeMap<>();
            allDeadLetters.forEach((queue, letters) -> {
                List<DeadLetter> matching = letters.stream()
                        .filter(letter -> orderId.equals(letter.orderId()))
                        .toList();
                if (!matching.isEmpty()) {
                    ofOrder.put(queue, matching);
                }
            });
            return new OverdueSaga(
                    overdue.order().id(),
                    overdue.order().status(),
                    overdue.order().failureReason(),
                    overdue.order().createdAt(),
                    overdue.deadline(),
                    waitingOn(overdue.order().status(), ofOrder),
                    ofOrder);
        }

        private static String waitingOn(OrderStatus status, Map<String, List<DeadLetter>> deadLetters) {
            if (!deadLetters.isEmpty()) {
                return "a dead letter in " + String.join(", ", deadLetters.keySet())
                        + ": fix its cause, then replay it (infra/dead-letters)";
            }
            return status == OrderStatus.PENDING
                    ? "its deadline check, or the forward steps: inventory-service, payment-service, shipping-service"
                    : "its unwinding: shipping-service, then payment-service, then inventory-service";
        }
    }
}
