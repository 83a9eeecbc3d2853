package shop.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import shop.platform.testing.TestBroker;
import shop.platform.testing.TestInfrastructure;
import tools.jackson.databind.JsonNode;

/**
 * The events that end an order's saga, published as their producers would, against real
 * PostgreSQL and RabbitMQ. OrderCancelled is read from order.events.gateway and OrderConfirmed
 * from order.events.inventory-service: nobody consumes them in the test's vhost.
 */
class SagaOutcomesIT {

    private static final String INVENTORY_EVENTS = "inventory.events";
    private static final String SHIPPING_EVENTS = "shipping.events";
    private static final String GATEWAY_QUEUE = "order.events.gateway";
    private static final String INVENTORY_QUEUE = "order.events.inventory-service";

    @RegisterExtension
    static final TestInfrastructure infra = new TestInfrastructure();

    static ConfigurableApplicationContext app;
    static TestInfrastructure.Database database;
    static TestBroker broker;

    @BeforeAll
    static void start() {
        app = infra.start(OrderServiceApplication.class, infra.serviceProperties("order"));
        database = infra.database("order");
        broker = new TestBroker(infra);
    }

    @Test
    void anInventoryRejectionCancelsTheOrderAndAnnouncesOrderCancelled() {
        UUID orderId = placeOrder();
        UUID eventId = UUID.randomUUID();

        broker.publish(INVENTORY_EVENTS, TestBroker.example(INVENTORY_EVENTS, "InventoryRejected", eventId, orderId));

        Message cancelled = broker.awaitEvent(GATEWAY_QUEUE, orderId, "OrderCancelled");
        assertThat(status(orderId)).isEqualTo("CANCELLED OUT_OF_STOCK");
        assertCausedBy(cancelled, eventId);
        JsonNode body = TestBroker.body(cancelled);
        assertThat(body.get("type").stringValue()).isEqualTo("OrderCancelled");
        assertThat(body.get("orderId").stringValue()).isEqualTo(orderId.toString());
        assertThat(body.get("customerId").stringValue()).isEqualTo(OrderFixtures.CUSTOMER);
        assertThat(body.get("failureReason").stringValue()).isEqualTo("OUT_OF_STOCK");
    }

    @Test
    void anInventoryReleaseCancelsTheOrderWithTheCauseOfTheCompensation() {
        UUID orderId = placeOrder();
        UUID eventId = UUID.randomUUID();

        broker.publish(INVENTORY_EVENTS, TestBroker.example(INVENTORY_EVENTS, "InventoryReleased", eventId, orderId));

        Message cancelled = broker.awaitEvent(GATEWAY_QUEUE, orderId, "OrderCancelled");
        assertThat(status(orderId)).isEqualTo("CANCELLED PAYMENT_DECLINED");
        assertCausedBy(cancelled, eventId);
        assertThat(TestBroker.body(cancelled).get("failureReason").stringValue())
                .isEqualTo("PAYMENT_DECLINED");
    }

    @Test
    void aScheduledShipmentConfirmsTheOrderAndALateReleaseChangesNothing() {
        UUID orderId = placeOrder();
        UUID shipment = UUID.randomUUID();

        broker.publish(SHIPPING_EVENTS, TestBroker.example(SHIPPING_EVENTS, "ShipmentScheduled", shipment, orderId));

        Message confirmed = broker.awaitEvent(INVENTORY_QUEUE, orderId, "OrderConfirmed");
        assertThat(status(orderId)).isEqualTo("CONFIRMED null");
        assertCausedBy(confirmed, shipment);
        JsonNode body = TestBroker.body(confirmed);
        assertThat(body.get("orderId").stringValue()).isEqualTo(orderId.toString());
        assertThat(body.get("customerId").stringValue()).isEqualTo(OrderFixtures.CUSTOMER);

        UUID lateRelease = UUID.randomUUID();
        broker.publish(
                INVENTORY_EVENTS, TestBroker.example(INVENTORY_EVENTS, "InventoryReleased", lateRelease, orderId));

        awaitHandled(lateRelease);
        assertThat(status(orderId)).isEqualTo("CONFIRMED null");
        assertThat(outboxRows(orderId)).containsExactly("OrderPlaced", "OrderConfirmed");
        assertThat(broker.received(GATEWAY_QUEUE, orderId, "OrderCancelled")).isEmpty();
    }

    @Test
    void theSameEventDeliveredTwiceProducesOneOrderCancelled() {
        UUID orderId = placeOrder();
        UUID eventId = UUID.randomUUID();
        double duplicatesBefore = duplicates();

        broker.publish(INVENTORY_EVENTS, TestBroker.example(INVENTORY_EVENTS, "InventoryRejected", eventId, orderId));
        broker.publish(INVENTORY_EVENTS, TestBroker.example(INVENTORY_EVENTS, "InventoryRejected", eventId, orderId));

        await().atMost(Duration.ofSeconds(10)).until(() -> duplicates() > duplicatesBefore);
        awaitSent(orderId);
        assertThat(outboxRows(orderId)).containsExactly("OrderPlaced", "OrderCancelled");
        assertThat(broker.received(GATEWAY_QUEUE, orderId, "OrderCancelled")).hasSize(1);
    }

    @Test
    void theFirstCauseWinsOverALaterCompensation() {
        UUID orderId = placeOrder();
        broker.publish(
                INVENTORY_EVENTS,
                TestBroker.example(INVENTORY_EVENTS, "InventoryRejected", UUID.randomUUID(), orderId));
        broker.awaitEvent(GATEWAY_QUEUE, orderId, "OrderCancelled");

        UUID laterRelease = UUID.randomUUID();
        broker.publish(
                INVENTORY_EVENTS, TestBroker.example(INVENTORY_EVENTS, "InventoryReleased", laterRelease, orderId));

        awaitHandled(laterRelease);
        assertThat(status(orderId)).isEqualTo("CANCELLED OUT_OF_STOCK");
        assertThat(outboxRows(orderId)).containsExactly("OrderPlaced", "OrderCancelled");
    }

    @Test
    void anEventForAnOrderNeverPlacedIsDeadLettered() {
        UUID unknownOrder = UUID.randomUUID();

        broker.publish(
                SHIPPING_EVENTS,
                TestBroker.example(SHIPPING_EVENTS, "ShipmentScheduled", UUID.randomUUID(), unknownOrder));

        var rabbit = new RabbitTemplate(infra.rabbit());
        Message deadLetter = await().atMost(Duration.ofSeconds(10))
                .until(() -> rabbit.receive("shipping.events.order-service.dlq"), message -> message != null);
        assertThat(TestBroker.body(deadLetter).get("orderId").stringValue()).isEqualTo(unknownOrder.toString());
        assertThat(deadLetter.getMessageProperties().<String>getHeader("x-exception-message"))
                .isEqualTo("no order " + unknownOrder);
    }

    private static UUID placeOrder() {
        return app.getBean(OrderPlacement.class)
                .place(new PlaceOrder(OrderFixtures.CUSTOMER, OrderFixtures.lines(), OrderFixtures.address()))
                .block(Duration.ofSeconds(10));
    }

    private static String status(UUID orderId) {
        return database.query(connection -> {
            try (var rows = connection
                    .createStatement()
                    .executeQuery("SELECT status, failure_reason FROM orders WHERE order_id = '" + orderId + "'")) {
                rows.next();
                return rows.getString(1) + " " + rows.getString(2);
            }
        });
    }

    private static List<String> outboxRows(UUID orderId) {
        return database.query(connection -> {
            try (var rows = connection
                    .createStatement()
                    .executeQuery("SELECT type FROM platform.outbox WHERE order_id = '" + orderId + "' ORDER BY id")) {
                var types = new java.util.ArrayList<String>();
                while (rows.next()) {
                    types.add(rows.getString(1));
                }
                return types;
            }
        });
    }

    private static void assertCausedBy(Message message, UUID eventId) {
        assertThat(message.getMessageProperties().<String>getHeader("causationId"))
                .isEqualTo(eventId.toString());
        assertThat(TestBroker.body(message).get("causationId").stringValue()).isEqualTo(eventId.toString());
    }

    /** The handler's transaction, inbox record included, has committed. */
    private static void awaitHandled(UUID eventId) {
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        database.count("SELECT count(*) FROM platform.inbox WHERE event_id = '" + eventId + "'") == 1);
    }

    private static void awaitSent(UUID orderId) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> database.count("SELECT count(*) FROM platform.outbox WHERE order_id = '" + orderId
                                + "' AND sent_at IS NULL")
                        == 0);
    }

    private static double duplicates() {
        var counter = app.getBean(MeterRegistry.class)
                .find("shop.consumer.messages")
                .tag("queue", "inventory.events.order-service")
                .tag("outcome", "duplicate")
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
