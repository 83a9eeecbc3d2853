package shop.order.messaging;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.order.OrderFixtures;
import shop.order.domain.OrderEvent;
import shop.platform.testing.Contracts;

/** Each event order-service publishes serialises to exactly its example in contracts/order.events. */
class OrderMessagesTests {

    private static final UUID EXAMPLE_ORDER =
            Contracts.example("order.events", "OrderPlaced", 1).orderId();

    @Test
    void orderPlaced() {
        Contracts.assertProduces(
                "order.events",
                OrderMessages.of(new OrderEvent.OrderPlaced(
                        EXAMPLE_ORDER, OrderFixtures.CUSTOMER, OrderFixtures.lines(), OrderFixtures.address())));
    }

    @Test
    void orderConfirmed() {
        Contracts.assertProduces(
                "order.events", OrderMessages.of(new OrderEvent.OrderConfirmed(EXAMPLE_ORDER, OrderFixtures.CUSTOMER)));
    }

    @Test
    void orderCancelled() {
        Contracts.assertProduces(
                "order.events",
                OrderMessages.of(new OrderEvent.OrderCancelled(EXAMPLE_ORDER, OrderFixtures.CUSTOMER, "OUT_OF_STOCK")));
    }

    @Test
    void orderCancellationRequested() {
        Contracts.assertProduces(
                "order.events",
                OrderMessages.of(new OrderEvent.OrderCancellationRequested(
                        EXAMPLE_ORDER, OrderFixtures.CUSTOMER, "CUSTOMER_CANCELLED")));
    }
}
