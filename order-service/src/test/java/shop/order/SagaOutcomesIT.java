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
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import shop.platform.testing.TestBroker;
import shop.platform.testing.TestInfrastructure;
import tools.jackson.databind.JsonNode;

/**
 * The events that end an order's saga, published as their producers would, and the customer's
 * cancellation through the HTTP API, against real PostgreSQL and RabbitMQ. OrderCancelled is read
 * from order.events.gateway, OrderConfirmed from order.events.inventory-service and
 * OrderCancellationRequested from order.events.shipping-service, where the unwinding begins:
 * nobody consumes them in the test's vhost.
 */
class SagaOutcomesIT {

    private static final String INVENTORY_EVENTS = "inventory.events";
    private static final String SHIPPING_EVENTS = "shipping.events";
    private static final String GATEWAY_QUEUE = "order.events.gateway";
    private static final String INVENTORY_QUEUE = "order.events.inventory-service";
    private static final String SHIPPING_QUEUE = "order.events.shipping-service";

    @RegisterExtension
    static final TestInfrastructure infra = new TestInfrastructure();

    static ConfigurableApplicationContext app;
    static TestInfrastructure.Database database;
    static TestBroker broker;
    static WebTestClient http;

    @BeforeAll
    static void start() {
        app = infra.start(OrderServiceApplication.class, infra.serviceProperties("order"));
        database = infra.database("order");
        broker = new TestBroker(infra);
        http = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"))
                .build();
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

    @Test
    void aPendingOrderStartsUnwindingAndShippingIsToldFirst() {
        UUID orderId = placeOrder();

        JsonNode answer = cancel(orderId, null)
                .expectStatus()
                .isAccepted()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();

        assertThat(answer.get("orderId").stringValue()).isEqualTo(orderId.toString());
        assertThat(answer.get("status").stringValue()).isEqualTo("CANCELLING");
        assertThat(status(orderId)).isEqualTo("CANCELLING CUSTOMER_CANCELLED");
        JsonNode requested = TestBroker.body(broker.awaitEvent(SHIPPING_QUEUE, orderId, "OrderCancellationRequested"));
        assertThat(requested.get("customerId").stringValue()).isEqualTo(OrderFixtures.CUSTOMER);
        assertThat(requested.get("failureReason").stringValue()).isEqualTo("CUSTOMER_CANCELLED");
    }

    @Test
    void aRepeatedCancellationAnswersTheSameAndRequestsNothingMore() {
        UUID orderId = placeOrder();
        String key = UUID.randomUUID().toString();

        for (int attempt = 0; attempt < 3; attempt++) {
            cancel(orderId, key)
                    .expectStatus()
                    .isAccepted()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("CANCELLING");
        }

        awaitSent(orderId);
        assertThat(database.count("SELECT count(*) FROM platform.outbox WHERE order_id = '" + orderId
                        + "' AND type = 'OrderCancellationRequested'"))
                .isOne();
    }

    @Test
    void theReleaseEndingTheUnwindingCancelsTheOrderForTheCustomersCause() {
        UUID orderId = placeOrder();
        cancel(orderId, null).expectStatus().isAccepted();
        UUID shipped = publish("shipping.events", "ShipmentScheduled", orderId);
        UUID released = publish("inventory.events", "InventoryReleased", orderId);

        Message cancelled = broker.awaitEvent(GATEWAY_QUEUE, orderId, "OrderCancelled");

        assertThat(TestBroker.body(cancelled).get("failureReason").stringValue())
                .isEqualTo("CUSTOMER_CANCELLED");
        assertThat(TestBroker.body(cancelled).get("causationId").stringValue()).isEqualTo(released.toString());
        assertThat(status(orderId)).isEqualTo("CANCELLED CUSTOMER_CANCELLED");
        awaitHandled(shipped);
        assertThat(database.count("SELECT count(*) FROM platform.outbox WHERE order_id = '" + orderId
                        + "' AND type = 'OrderConfirmed'"))
                .isZero();
        cancel(orderId, null)
                .expectStatus()
                .isAccepted()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("CANCELLED");
    }

    @Test
    void aConfirmedOrderIsAConflictAndStaysConfirmed() {
        UUID orderId = placeOrder();
        UUID shipped = publish("shipping.events", "ShipmentScheduled", orderId);
        awaitHandled(shipped);

        cancel(orderId, null)
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Order confirmed");

        assertThat(status(orderId)).isEqualTo("CONFIRMED null");
        awaitSent(orderId);
        assertThat(database.count("SELECT count(*) FROM platform.outbox WHERE order_id = '" + orderId
                        + "' AND type = 'OrderCancellationRequested'"))
                .isZero();
    }

    @Test
    void anUnknownOrderIsNotFoundAndABadIdOrKeyIsABadRequest() {
        cancel(UUID.randomUUID(), null).expectStatus().isNotFound();
        http.post()
                .uri("/orders/not-a-uuid/cancellation")
                .exchange()
                .expectStatus()
                .isBadRequest();
        cancel(placeOrder(), "a key with spaces").expectStatus().isBadRequest();
    }

    private static WebTestClient.ResponseSpec cancel(UUID orderId, String idempotencyKey) {
        var request = http.post().uri("/orders/{id}/cancellation", orderId);
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.exchange();
    }

    /** Publishes the contract's example of {@code type} for the order, as its producer would; answers its id. */
    private static UUID publish(String exchange, String type, UUID orderId) {
        UUID eventId = UUID.randomUUID();
        broker.publish(exchange, TestBroker.example(exchange, type, eventId, orderId));
        return eventId;
    }

    private static UUID placeOrder() {
        return OrderFixtures.placeOrder(app);
    }

    private static String status(UUID orderId) {
        return OrderFixtures.status(database, orderId);
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
