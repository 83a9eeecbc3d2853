package shop.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.amqp.core.Message;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import shop.platform.testing.TestBroker;
import shop.platform.testing.TestInfrastructure;
import tools.jackson.databind.JsonNode;

/**
 * The customer's cancellation through the HTTP API, against real PostgreSQL and RabbitMQ: it
 * starts the unwinding (OrderCancellationRequested, read from order.events.shipping-service,
 * where it begins), and the release that ends it cancels the order.
 */
class CancellationIT {

    private static final String SHIPPING_QUEUE = "order.events.shipping-service";
    private static final String GATEWAY_QUEUE = "order.events.gateway";

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

    private static UUID placeOrder() {
        return app.getBean(OrderPlacement.class)
                .place(new PlaceOrder(OrderFixtures.CUSTOMER, OrderFixtures.lines(), OrderFixtures.address()))
                .block(Duration.ofSeconds(10));
    }

    /** Publishes the contract's example of {@code type} for the order, as its producer would; answers its id. */
    private static UUID publish(String exchange, String type, UUID orderId) {
        UUID eventId = UUID.randomUUID();
        broker.publish(exchange, TestBroker.example(exchange, type, eventId, orderId));
        return eventId;
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
}
