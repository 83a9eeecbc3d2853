package shop.payment;

import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import shop.platform.testing.Contracts;
import shop.platform.testing.TestBroker;
import shop.platform.testing.TestInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A running payment service on a test run's infrastructure: publishes the events it consumes
 * (the contract examples with fresh ids), reads the events it produces from the queues of their
 * consumers (nobody else consumes them in a test vhost), and looks into its database.
 */
final class PaymentFixtures {

    static final String TO_SHIPPING = "payment.events.shipping-service";
    static final String TO_INVENTORY = "payment.events.inventory-service";

    private static final JsonMapper json = JsonMapper.builder().build();

    final ConfigurableApplicationContext app;
    final WebTestClient http;
    private final TestInfrastructure infra;
    private final TestBroker broker;

    PaymentFixtures(TestInfrastructure infra) {
        this.infra = infra;
        this.app = infra.start(PaymentServiceApplication.class, infra.serviceProperties("payment"));
        this.http = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"))
                .build();
        this.broker = new TestBroker(infra);
    }

    void openAccount(String customerId, String balance) {
        http.post()
                .uri("/customers")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("customerId", customerId, "name", "Ada Lovelace", "balance", new BigDecimal(balance)))
                .exchange()
                .expectStatus()
                .isCreated();
    }

    /** Publishes InventoryReserved (the contract example) for the order; returns its event id. */
    UUID inventoryReserved(UUID orderId, String customerId, String total) {
        UUID eventId = UUID.randomUUID();
        inventoryReserved(eventId, orderId, customerId, total);
        return eventId;
    }

    void inventoryReserved(UUID eventId, UUID orderId, String customerId, String total) {
        ObjectNode event = TestBroker.example("inventory.events", "InventoryReserved", eventId, orderId);
        event.put("customerId", customerId);
        event.put("total", new BigDecimal(total));
        broker.publish("inventory.events", event);
    }

    /** Publishes ShipmentFailed (SHIPPING_UNAVAILABLE) for the order; returns its event id. */
    UUID shipmentFailed(UUID orderId) {
        UUID eventId = UUID.randomUUID();
        broker.publish("shipping.events", TestBroker.example("shipping.events", "ShipmentFailed", eventId, orderId));
        return eventId;
    }

    /** Publishes ShipmentCancelled (CUSTOMER_CANCELLED) for the customer's order; returns its event id. */
    UUID shipmentCancelled(UUID orderId, String customerId) {
        UUID eventId = UUID.randomUUID();
        ObjectNode event = TestBroker.example("shipping.events", "ShipmentCancelled", eventId, orderId);
        event.put("customerId", customerId);
        broker.publish("shipping.events", event);
        return eventId;
    }

    static JsonNode shippingAddressOfTheExample() {
        return json.readTree(Contracts.json("inventory.events", "InventoryReserved", 1))
                .get("shippingAddress");
    }

    /** Waits until the order has {@code count} events in the queue, and returns them. */
    List<JsonNode> awaitEvents(String queue, UUID orderId, int count) {
        return broker.awaitReceived(queue, orderId, count).stream()
                .map(TestBroker::body)
                .toList();
    }

    /** The order's events that reached the queue so far. */
    List<JsonNode> eventsFor(String queue, UUID orderId) {
        return broker.received(queue, orderId).stream().map(TestBroker::body).toList();
    }

    /** Waits until every event the service committed so far has been published. */
    void awaitOutboxSent() {
        await().atMost(Duration.ofSeconds(15))
                .until(() -> database().count("SELECT count(*) FROM platform.outbox WHERE sent_at IS NULL") == 0);
    }

    /** Waits until the service has handled (committed) the event. */
    void awaitHandled(UUID eventId) {
        await().atMost(Duration.ofSeconds(15))
                .until(() -> database().count("SELECT count(*) FROM platform.inbox WHERE event_id = '" + eventId + "'")
                        == 1);
    }

    BigDecimal balance(String customerId) {
        return database().query(connection -> {
            try (var statement = connection.prepareStatement("SELECT balance FROM account WHERE customer_id = ?")) {
                statement.setString(1, customerId);
                try (var rows = statement.executeQuery()) {
                    return rows.next() ? rows.getBigDecimal(1) : null;
                }
            }
        });
    }

    /** The order's payment status, or null while it has none. */
    String paymentStatus(UUID orderId) {
        return database().query(connection -> {
            try (var rows = connection
                    .createStatement()
                    .executeQuery("SELECT status FROM payments WHERE order_id = '" + orderId + "'")) {
                return rows.next() ? rows.getString(1) : null;
            }
        });
    }

    TestInfrastructure.Database database() {
        return infra.database("payment");
    }
}
