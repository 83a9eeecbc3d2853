package shop.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.netty.http.server.HttpServerResponse;
import shop.gateway.GatewayApplication;
import shop.platform.testing.TestInfrastructure;

/** The routes to the services, the edge's checks of what it lets through, and the API docs. */
class EdgeRoutingIT {

    @RegisterExtension
    static final TestInfrastructure infra = new TestInfrastructure();

    static final String ORDER_ID = "6f1c2a52-8d0e-4e57-9a51-0d3c8a1f7b10";
    static final String PRODUCT_404 =
            "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"no product NOPE\",\"instance\":\"/products/NOPE\"}";
    static final String PRODUCT_400 = "{\"type\":\"about:blank\",\"title\":\"Invalid request\",\"status\":400,"
            + "\"detail\":\"1 invalid field(s)\",\"errors\":[{\"field\":\"price\",\"message\":\"must not be null\"}]}";
    static final String CUSTOMER_409 =
            "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,\"detail\":\"customer c-1 exists\"}";

    static StandInService orders;
    static StandInService inventory;
    static StandInService payment;
    static WebTestClient gateway;

    @BeforeAll
    static void start() {
        orders = new StandInService((request, response) -> {
            if (request.method().equals("POST") && request.uri().equals("/orders")) {
                return StandInService.json(
                        response.status(202).header("Location", "/orders/" + ORDER_ID),
                        202,
                        "{\"orderId\":\"" + ORDER_ID + "\",\"status\":\"PENDING\"}");
            }
            if (request.method().equals("POST") && request.uri().equals("/orders/" + ORDER_ID + "/cancellation")) {
                return StandInService.json(
                        response.header("Location", "/orders/" + ORDER_ID),
                        202,
                        "{\"orderId\":\"" + ORDER_ID + "\",\"status\":\"CANCELLING\"}");
            }
            return StandInService.problem(response, 404, "{\"status\":404}");
        });
        inventory = new StandInService(EdgeRoutingIT::inventory);
        payment = new StandInService(EdgeRoutingIT::payment);
        var properties = infra.serviceProperties("gateway");
        properties.put("shop.gateway.upstreams.order", orders.url());
        properties.put("shop.gateway.upstreams.inventory", inventory.url());
        properties.put("shop.gateway.upstreams.payment", payment.url());
        var app = infra.start(GatewayApplication.class, properties);
        gateway = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"))
                .responseTimeout(Duration.ofSeconds(30))
                .build();
        // the first request through a fresh JVM is slow on a busy machine
        gateway.get().uri("/api/products/SKU-1").exchange().expectStatus().isOk();
    }

    @AfterAll
    static void stop() {
        Stream.of(orders, inventory, payment).forEach(StandInService::close);
    }

    static Publisher<Void> inventory(StandInService.Received request, HttpServerResponse response) {
        String uri = request.uri();
        if (request.method().equals("POST") && uri.equals("/products")) {
            return request.body().contains("\"price\"")
                    ? StandInService.json(response.header("Location", "/products/SKU-9"), 201, request.body())
                    : StandInService.problem(response, 400, PRODUCT_400);
        }
        if (uri.equals("/products/NOPE")) {
            return StandInService.problem(response, 404, PRODUCT_404);
        }
        return StandInService.json(response, 200, "{\"seen\":\"" + request.method() + " " + uri + "\"}");
    }

    static Publisher<Void> payment(StandInService.Received request, HttpServerResponse response) {
        if (request.method().equals("POST") && request.body().contains("c-1")) {
            return StandInService.problem(response, 409, CUSTOMER_409);
        }
        if (request.method().equals("POST")) {
            return StandInService.json(response.header("Location", "/customers/c-2"), 201, request.body());
        }
        return StandInService.json(response, 200, "{\"seen\":\"" + request.method() + " " + request.uri() + "\"}");
    }

    @Test
    void aCancellationWithoutBodyGoesToOrderServiceAndItsLocationIsPublic() {
        gateway.post()
                .uri("/api/orders/{id}/cancellation", ORDER_ID)
                .header("Idempotency-Key", "cancel-1")
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectHeader()
                .valueEquals("Location", "/api/orders/" + ORDER_ID)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("CANCELLING");
        assertThat(orders.received("POST", "/orders/" + ORDER_ID + "/cancellation"))
                .anySatisfy(received ->
                        assertThat(received.header("Idempotency-Key")).isEqualTo("cancel-1"));
    }

    @Test
    void productReadsGoToInventoryWithTheirQueryString() {
        gateway.get()
                .uri("/api/products?page=2&size=5")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.seen")
                .isEqualTo("GET /products?page=2&size=5");
        gateway.get()
                .uri("/api/products/SKU-1")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.seen")
                .isEqualTo("GET /products/SKU-1");
    }

    @Test
    void productWritesGoToInventoryAndTheirLocationIsPublic() {
        String product = "{\"sku\":\"SKU-9\",\"name\":\"Mug\",\"price\":9.90,\"stock\":3}";
        gateway.post()
                .uri("/api/products")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(product)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals("Location", "/api/products/SKU-9")
                .expectBody()
                .json(product);
        assertThat(inventory.received("POST", "/products"))
                .anySatisfy(received -> assertThat(received.body()).isEqualTo(product));

        gateway.post()
                .uri("/api/products/SKU-1/restock")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"quantity\":4}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.seen")
                .isEqualTo("POST /products/SKU-1/restock");
    }

    @Test
    void theServicesProblemsPassThroughUnchanged() {
        assertPassedThrough(gateway.get().uri("/api/products/NOPE").exchange(), 404, PRODUCT_404);
        assertPassedThrough(
                gateway.post()
                        .uri("/api/products")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"sku\":\"SKU-8\",\"name\":\"Pen\",\"stock\":1}")
                        .exchange(),
                400,
                PRODUCT_400);
        assertPassedThrough(
                gateway.post()
                        .uri("/api/customers")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"customerId\":\"c-1\",\"name\":\"Ada\",\"balance\":100}")
                        .exchange(),
                409,
                CUSTOMER_409);
    }

    private static void assertPassedThrough(WebTestClient.ResponseSpec response, int status, String problem) {
        byte[] body = response.expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentType("application/problem+json")
                .expectBody()
                .returnResult()
                .getResponseBodyContent();
        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(problem);
    }

    @Test
    void customersGoToPayment() {
        gateway.post()
                .uri("/api/customers")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"customerId\":\"c-2\",\"name\":\"Bob\",\"balance\":50.00}")
                .exchange()
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals("Location", "/api/customers/c-2");
        gateway.get()
                .uri("/api/customers/c-2")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.seen")
                .isEqualTo("GET /customers/c-2");
    }

    @Test
    void placingAnOrderGoesToOrderServiceWithItsIdempotencyKey() {
        String order = "{\"customerId\":\"c-2\",\"items\":[{\"sku\":\"SKU-1\",\"quantity\":1}],"
                + "\"shippingAddress\":{\"name\":\"Bob\",\"street\":\"1 Main St\",\"city\":\"Lyon\","
                + "\"postalCode\":\"69001\",\"country\":\"FR\"}}";
        gateway.post()
                .uri("/api/orders")
                .contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", "key-42")
                .bodyValue(order)
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectHeader()
                .valueEquals("Location", "/api/orders/" + ORDER_ID)
                .expectBody()
                .jsonPath("$.orderId")
                .isEqualTo(ORDER_ID)
                .jsonPath("$.status")
                .isEqualTo("PENDING");
        assertThat(orders.received("POST", "/orders")).anySatisfy(received -> {
            assertThat(received.header("Idempotency-Key")).isEqualTo("key-42");
            assertThat(received.body()).isEqualTo(order);
        });

        // Read-your-writes: the view recorded the accepted order before the 202 went out.
        gateway.get()
                .uri("/api/orders/" + ORDER_ID)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.orderId")
                .isEqualTo(ORDER_ID)
                .jsonPath("$.status")
                .isEqualTo("PENDING");
    }

    @Test
    void nothingButPlacingAndCancellingAnOrderIsRoutedToOrderService() {
        // The view answers reads itself; of an order it has not seen, it only asks order-service.
        String unknown = "0b0c0d0e-0000-4000-8000-000000000000";
        gateway.get()
                .uri("/api/orders/" + unknown)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType("application/problem+json");
        gateway.put()
                .uri("/api/orders")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isEqualTo(405)
                .expectHeader()
                .valueEquals("Allow", "POST")
                .expectHeader()
                .contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(405);
        gateway.post()
                .uri("/api/orders/" + ORDER_ID + "/cancel")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isNotFound();
        assertThat(orders.received())
                .allSatisfy(received -> assertThat(received.method() + " " + received.uri())
                        .isIn("POST /orders", "POST /orders/" + ORDER_ID + "/cancellation", "GET /orders/" + unknown));
    }

    @Test
    void anUnknownPathIsAProblem() {
        gateway.get()
                .uri("/api/nothing-here")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Not Found")
                .jsonPath("$.status")
                .isEqualTo(404)
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains("api/nothing-here"));
    }

    @Test
    void aBodyOverTheLimitIsRefusedWhetherDeclaredOrChunked() {
        byte[] large = new byte[1024 * 1024 + 1];
        Arrays.fill(large, (byte) ' ');
        gateway.post()
                .uri("/api/products")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(large)
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectHeader()
                .contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("the request body exceeds 1048576 bytes");

        Flux<DataBuffer> chunked =
                Flux.range(0, 40).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[64 * 1024]));
        gateway.post()
                .uri("/api/customers")
                .contentType(MediaType.APPLICATION_JSON)
                .body(chunked, DataBuffer.class)
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Request body too large");
        assertThat(inventory.received()).noneMatch(r -> r.body().length() > 1024 * 1024);
        assertThat(payment.received()).noneMatch(r -> r.body().length() > 1024 * 1024);
    }

    static Stream<Arguments> malformedRequests() {
        return Stream.of(
                Arguments.of("POST", "/api/orders", "application/json", "{\"customerId\":", 400),
                Arguments.of("POST", "/api/orders", "application/json", "", 400),
                Arguments.of("POST", "/api/orders", "text/plain", "{}", 415),
                Arguments.of("POST", "/api/orders", null, "{}", 415),
                Arguments.of("POST", "/api/products", "application/json", "not json", 400),
                Arguments.of("POST", "/api/products", "application/json", "{\"sku\":\"A\"} {\"sku\":\"B\"}", 400),
                Arguments.of("POST", "/api/products", "application/xml", "<sku/>", 415),
                Arguments.of("POST", "/api/products/SKU-1/restock", "application/json", "{quantity:1}", 400),
                Arguments.of("POST", "/api/customers", "application/json", "[1, 2", 400),
                Arguments.of("POST", "/api/customers", "application/json", "{\"name\":\"\u0000\"", 400),
                Arguments.of("PATCH", "/api/orders", "application/json", "{}", 405),
                Arguments.of("DELETE", "/api/orders", null, null, 405),
                Arguments.of("GET", "/api/unknown", null, null, 404));
    }

    @ParameterizedTest(name = "{0} {1} {2} \"{3}\" -> {4}")
    @MethodSource("malformedRequests")
    void aMalformedRequestIsAProblemAndReachesNoService(
            String method, String path, String contentType, String body, int status) {
        int reachedBefore = orders.received().size()
                + inventory.received().size()
                + payment.received().size();
        WebTestClient.RequestBodySpec request =
                gateway.method(HttpMethod.valueOf(method)).uri(path);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        (body == null ? request : request.bodyValue(body.getBytes(StandardCharsets.UTF_8)))
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(status)
                .jsonPath("$.title")
                .isNotEmpty()
                .jsonPath("$.detail")
                .isNotEmpty();
        assertThat(orders.received().size()
                        + inventory.received().size()
                        + payment.received().size())
                .isEqualTo(reachedBefore);
    }

    @Test
    void servesTheApiDescriptionAndItsBrowser() {
        String description = gateway.get()
                .uri("/openapi.yaml")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(description)
                .startsWith("openapi: 3.")
                .contains(
                        "/api/products:",
                        "/api/products/{sku}:",
                        "/api/products/{sku}/restock:",
                        "/api/customers:",
                        "/api/customers/{customerId}:",
                        "/api/orders:",
                        "/api/orders/{orderId}:",
                        "/api/orders/{orderId}/stream:");
        gateway.get()
                .uri("/v3/api-docs/swagger-config")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.url")
                .isEqualTo("/openapi.yaml");
        gateway.get()
                .uri("/swagger-ui/index.html")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(page -> assertThat(page).contains("swagger-ui"));
    }
}
