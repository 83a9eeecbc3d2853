package shop.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.amqp.core.Message;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import shop.platform.testing.TestBroker;
import shop.platform.testing.TestInfrastructure;
import tools.jackson.databind.JsonNode;

/** The HTTP API against real PostgreSQL and RabbitMQ: one service for the whole class. */
class OrderApiIT {

    private static final String INVENTORY_QUEUE = "order.events.inventory-service";

    @RegisterExtension
    static final TestInfrastructure infra = new TestInfrastructure();

    static TestInfrastructure.Database database;
    static TestBroker broker;
    static String baseUrl;
    static WebTestClient http;

    @BeforeAll
    static void start() {
        var properties = infra.serviceProperties("order");
        properties.put("shop.order.idempotency.retention", "1h");
        properties.put("shop.order.idempotency.sweep-interval", "200ms");
        var app = infra.start(OrderServiceApplication.class, properties);
        database = infra.database("order");
        broker = new TestBroker(infra);
        baseUrl = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        http = WebTestClient.bindToServer().baseUrl(baseUrl).build();
    }

    @Test
    void aPlacedOrderIsAcceptedStoredAndAnnouncedWithOrderPlaced() {
        String customer = uniqueCustomer();

        var answer = post(OrderFixtures.request(customer), null)
                .expectStatus()
                .isAccepted()
                .expectBody(JsonNode.class)
                .returnResult();
        UUID orderId = UUID.fromString(answer.getResponseBody().get("orderId").stringValue());
        assertThat(answer.getResponseBody().get("status").stringValue()).isEqualTo("PENDING");
        assertThat(answer.getResponseHeaders().getLocation()).hasToString("/orders/" + orderId);

        assertThat(database.count("SELECT count(*) FROM orders WHERE order_id = '" + orderId + "' AND customer_id = '"
                        + customer + "' AND status = 'PENDING' AND failure_reason IS NULL"
                        + " AND items = '[{\"sku\":\"BOOK-001\",\"quantity\":2},{\"sku\":\"PEN-042\",\"quantity\":1}]'"
                        + " AND shipping_address->>'country' = 'GB' AND shipping_address->>'postalCode' = 'SW1Y 4JH'"))
                .isOne();

        Message placed = broker.awaitEvent(INVENTORY_QUEUE, orderId, "OrderPlaced");
        var headers = placed.getMessageProperties();
        assertThat(headers.getHeaders()).doesNotContainKey("causationId");
        assertThat(headers.getContentType()).isEqualTo("application/json");
        JsonNode body = TestBroker.body(placed);
        assertThat(body.get("eventId").stringValue()).isEqualTo(headers.getMessageId());
        assertThat(body.get("type").stringValue()).isEqualTo("OrderPlaced");
        assertThat(body.get("schemaVersion").intValue()).isEqualTo(1);
        assertThat(body.get("orderId").stringValue()).isEqualTo(orderId.toString());
        assertThat(body.get("causationId").isNull()).isTrue();
        assertThat(body.get("customerId").stringValue()).isEqualTo(customer);
        assertThat(body.get("items").toString())
                .isEqualTo("[{\"sku\":\"BOOK-001\",\"quantity\":2},{\"sku\":\"PEN-042\",\"quantity\":1}]");
        assertThat(body.get("shippingAddress").toString())
                .isEqualTo("{\"name\":\"Ada Lovelace\",\"street\":\"12 St James Square\",\"city\":\"London\","
                        + "\"postalCode\":\"SW1Y 4JH\",\"country\":\"GB\"}");
    }

    @Test
    void anOrderIsReadBackWithItsLinesAddressAndTimes() {
        String customer = uniqueCustomer();
        UUID orderId = place(OrderFixtures.request(customer), null);

        http.get()
                .uri("/orders/{id}", orderId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.orderId")
                .isEqualTo(orderId.toString())
                .jsonPath("$.customerId")
                .isEqualTo(customer)
                .jsonPath("$.status")
                .isEqualTo("PENDING")
                .jsonPath("$.failureReason")
                .isEmpty()
                .jsonPath("$.items[0].sku")
                .isEqualTo("BOOK-001")
                .jsonPath("$.items[0].quantity")
                .isEqualTo(2)
                .jsonPath("$.items[1].sku")
                .isEqualTo("PEN-042")
                .jsonPath("$.shippingAddress.city")
                .isEqualTo("London")
                .jsonPath("$.shippingAddress.country")
                .isEqualTo("GB")
                .jsonPath("$.createdAt")
                .value(String.class, createdAt -> assertThat(createdAt).matches("\\d{4}-\\d\\d-\\d\\dT.*Z"))
                .jsonPath("$.updatedAt")
                .value(String.class, updatedAt -> assertThat(updatedAt).matches("\\d{4}-\\d\\d-\\d\\dT.*Z"));
    }

    @Test
    void anUnknownOrderIsA404AndAnInvalidIdA400() {
        http.get()
                .uri("/orders/{id}", UUID.randomUUID())
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(404);
        for (String invalid : List.of("not-a-uuid", "1-2-3-4-5")) {
            http.get()
                    .uri("/orders/{id}", invalid)
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("orderId");
        }
    }

    @Test
    void theSameKeyAndBodyAgainAnswersTheFirstOrderAndPlacesNothingMore() {
        String customer = uniqueCustomer();
        var request = OrderFixtures.request(customer);

        var first = post(request, "key-1")
                .expectStatus()
                .isAccepted()
                .expectBody(String.class)
                .returnResult();
        var again = post(request, "key-1")
                .expectStatus()
                .isAccepted()
                .expectBody(String.class)
                .returnResult();

        assertThat(again.getResponseBody()).isEqualTo(first.getResponseBody());
        assertThat(again.getResponseHeaders().getLocation())
                .isEqualTo(first.getResponseHeaders().getLocation());
        UUID orderId = UUID.fromString(
                first.getResponseHeaders().getLocation().getPath().substring("/orders/".length()));
        assertThat(ordersOf(customer)).isOne();
        assertExactlyOneOrderPlaced(orderId);
    }

    @Test
    void theSameKeyWithAnotherBodyIsA422AndPlacesNothing() {
        String customer = uniqueCustomer();
        place(OrderFixtures.request(customer), "key-1");
        var changed = OrderFixtures.request(customer);
        changed.put("items", List.of(OrderFixtures.item("BOOK-001", 3)));

        post(changed, "key-1")
                .expectStatus()
                .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(422)
                .jsonPath("$.detail")
                .isEqualTo("this Idempotency-Key was already used with a different request");
        assertThat(ordersOf(customer)).isOne();
    }

    @Test
    void anotherCustomersSameKeyIsAnotherOrder() {
        UUID ada = place(OrderFixtures.request(uniqueCustomer()), "shared-key");
        UUID bob = place(OrderFixtures.request(uniqueCustomer()), "shared-key");

        assertThat(bob).isNotEqualTo(ada);
        assertExactlyOneOrderPlaced(ada);
        assertExactlyOneOrderPlaced(bob);
    }

    @Test
    void concurrentIdenticalRequestsPlaceOneOrder() {
        String customer = uniqueCustomer();
        String body = OrderFixtures.json(OrderFixtures.request(customer));
        var client = WebClient.create(baseUrl);

        List<ResponseEntity<String>> answers = Flux.range(0, 8)
                .flatMap(attempt -> client.post()
                        .uri("/orders")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", "race")
                        .bodyValue(body)
                        .retrieve()
                        .toEntity(String.class))
                .collectList()
                .block(Duration.ofSeconds(30));

        assertThat(answers).extracting(ResponseEntity::getStatusCode).containsOnly(HttpStatus.ACCEPTED);
        assertThat(answers)
                .extracting(answer -> answer.getHeaders().getLocation())
                .containsOnly(answers.get(0).getHeaders().getLocation());
        assertThat(ordersOf(customer)).isOne();
        UUID orderId = UUID.fromString(
                answers.get(0).getHeaders().getLocation().getPath().substring("/orders/".length()));
        assertExactlyOneOrderPlaced(orderId);
    }

    @Test
    void aKeyPastItsRetentionIsSweptAndThenPlacesANewOrder() {
        String customer = uniqueCustomer();
        UUID first = place(OrderFixtures.request(customer), "old-key");
        String ofCustomer = " WHERE customer_id = '" + customer + "'";
        database.query(connection -> connection
                .createStatement()
                .executeUpdate("UPDATE idempotency_keys SET created_at = now() - interval '2 hours'" + ofCustomer));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> database.count("SELECT count(*) FROM idempotency_keys" + ofCustomer) == 0);
        UUID second = place(OrderFixtures.request(customer), "old-key");

        assertThat(second).isNotEqualTo(first);
        assertThat(ordersOf(customer)).isEqualTo(2);
    }

    @Test
    void anInvalidIdempotencyKeyIsA400AndPlacesNothing() {
        String customer = uniqueCustomer();
        for (String invalid : List.of("", "x".repeat(201), "two words")) {
            post(OrderFixtures.request(customer), invalid)
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("Idempotency-Key");
        }
        assertThat(ordersOf(customer)).isZero();
    }

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                invalid("customerId", body -> body.put("customerId", "ada lovelace")),
                invalid("customerId", body -> body.put("customerId", 42)),
                invalid("items", body -> body.put("items", List.of())),
                invalid("items[0]", body -> body.put("items", java.util.Arrays.asList((Object) null))),
                invalid("items[0].sku", body -> body.put("items", List.of(OrderFixtures.item("PEN/042", 1)))),
                invalid("items[0].quantity", body -> body.put("items", List.of(OrderFixtures.item("PEN-042", 0)))),
                invalid("items[0].quantity", body -> body.put("items", List.of(OrderFixtures.item("PEN-042", 1001)))),
                invalid("items[0].quantity", body -> body.put("items", List.of(OrderFixtures.item("PEN-042", 1.5)))),
                invalid("items[0].quantity", body -> body.put("items", List.of(OrderFixtures.item("PEN-042", "2")))),
                invalid("shippingAddress", body -> body.remove("shippingAddress")),
                invalid("shippingAddress.name", body -> address(body).put("name", "  ")),
                invalid("shippingAddress.postalCode", body -> address(body).put("postalCode", "1".repeat(21))),
                invalid("shippingAddress.country", body -> address(body).put("country", "gb")),
                invalid("shippingAddress.country", body -> address(body).put("country", "XX")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("invalidBodies")
    void anInvalidFieldIsA400NamingItAndStoresNothing(String field, String body, String customer) {
        send(body)
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(400)
                .jsonPath("$.errors.length()")
                .isEqualTo(1)
                .jsonPath("$.errors[0].field")
                .isEqualTo(field)
                .jsonPath("$.errors[0].message")
                .value(String.class, message -> assertThat(message).isNotBlank());
        assertThat(ordersOf(customer)).isZero();
    }

    @Test
    void malformedJsonIsA400AndStoresNothing() {
        long ordersBefore = database.count("SELECT count(*) FROM orders");
        long eventsBefore = database.count("SELECT count(*) FROM platform.outbox");

        for (String malformed : List.of("{\"customerId\": \"ada\", \"items\": [", "not json", "")) {
            send(malformed)
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo(400)
                    .jsonPath("$.detail")
                    .value(String.class, detail -> assertThat(detail).isNotBlank());
        }
        assertThat(database.count("SELECT count(*) FROM orders")).isEqualTo(ordersBefore);
        assertThat(database.count("SELECT count(*) FROM platform.outbox")).isEqualTo(eventsBefore);
    }

    private static Arguments invalid(String field, Consumer<Map<String, Object>> change) {
        String customer = uniqueCustomer();
        var body = OrderFixtures.request(customer);
        change.accept(body);
        return Arguments.of(field, OrderFixtures.json(body), customer);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> address(Map<String, Object> body) {
        return (Map<String, Object>) body.get("shippingAddress");
    }

    private static String uniqueCustomer() {
        return "customer-" + UUID.randomUUID();
    }

    private static UUID place(Map<String, Object> request, String idempotencyKey) {
        var answer = post(request, idempotencyKey)
                .expectStatus()
                .isAccepted()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        return UUID.fromString(answer.get("orderId").stringValue());
    }

    private static WebTestClient.ResponseSpec post(Map<String, Object> request, String idempotencyKey) {
        var spec = http.post().uri("/orders").contentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            spec = spec.header("Idempotency-Key", idempotencyKey);
        }
        return spec.bodyValue(OrderFixtures.json(request)).exchange();
    }

    private static WebTestClient.ResponseSpec send(String body) {
        return http.post()
                .uri("/orders")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private static long ordersOf(String customer) {
        return database.count("SELECT count(*) FROM orders WHERE customer_id = '" + customer + "'");
    }

    /** One OrderPlaced in the outbox, and once it is sent, exactly one in the queue. */
    private static void assertExactlyOneOrderPlaced(UUID orderId) {
        String outboxRows = "SELECT count(*) FROM platform.outbox WHERE order_id = '" + orderId + "'";
        await().atMost(Duration.ofSeconds(10)).until(() -> database.count(outboxRows + " AND sent_at IS NULL") == 0);
        assertThat(database.count(outboxRows + " AND type = 'OrderPlaced'")).isOne();
        assertThat(broker.received(INVENTORY_QUEUE, orderId, "OrderPlaced")).hasSize(1);
    }
}
