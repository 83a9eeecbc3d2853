package shop.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import shop.gateway.GatewayApplication;
import shop.platform.testing.TestInfrastructure;

/**
 * How the edge behaves when a service is down, slow or dies mid-request, and when a client asks
 * too much: fast, definite problem answers, never a hang. Each test is its own client
 * ({@code X-Client-Id}), so the small rate limit here only bites where it is meant to.
 */
class EdgeResilienceIT {

    @RegisterExtension
    static final TestInfrastructure infra = new TestInfrastructure();

    static final int REQUESTS_PER_SECOND = 20;
    static final AtomicInteger flakyCalls = new AtomicInteger();

    static StandInService orders;
    static StandInService inventory;
    static String gatewayUrl;
    WebTestClient gateway;

    @BeforeAll
    static void start() {
        orders = new StandInService(
                (request, response) -> request.body().contains("slow") ? Mono.never() : StandInService.die(response));
        inventory = new StandInService((request, response) -> {
            if (request.uri().equals("/products/flaky") && flakyCalls.incrementAndGet() == 1) {
                return StandInService.die(response);
            }
            if (request.uri().equals("/products/slow")) {
                return Mono.never();
            }
            return StandInService.json(response, 200, "{\"sku\":\"SKU-1\"}");
        });
        var properties = infra.serviceProperties("gateway");
        properties.put("shop.gateway.upstreams.order", orders.url());
        properties.put("shop.gateway.upstreams.inventory", inventory.url());
        properties.put("shop.gateway.upstreams.payment", StandInService.downUrl());
        properties.put("shop.gateway.timeouts.read-ms", 1500);
        properties.put("shop.gateway.timeouts.order-placement-ms", 1500);
        properties.put("shop.gateway.edge.rate-limit.requests", REQUESTS_PER_SECOND);
        properties.put("shop.gateway.edge.breaker.minimum-calls", 4);
        properties.put("shop.gateway.edge.breaker.window-size", 10);
        properties.put("shop.gateway.edge.breaker.open-for", "30s");
        properties.put("shop.gateway.edge.retry.backoff", "50ms");
        var app = infra.start(GatewayApplication.class, properties);
        gatewayUrl = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        // the first request through a fresh JVM is slow; the timing assertions are about the edge
        WebTestClient.bindToServer()
                .baseUrl(gatewayUrl)
                .responseTimeout(Duration.ofSeconds(30))
                .build()
                .get()
                .uri("/api/products/SKU-1")
                .header(ClientRateLimits.CLIENT_HEADER, "warm-up")
                .exchange()
                .expectStatus()
                .isOk();
    }

    @BeforeEach
    void client(TestInfo test) {
        gateway = WebTestClient.bindToServer()
                .baseUrl(gatewayUrl)
                .responseTimeout(Duration.ofSeconds(10))
                .defaultHeader(ClientRateLimits.CLIENT_HEADER, test.getDisplayName())
                .build();
    }

    @AfterAll
    static void stop() {
        orders.close();
        inventory.close();
    }

    @Test
    void aServiceThatIsDownIsA503WithRetryAfterAtOnce() {
        long started = System.nanoTime();
        gateway.get()
                .uri("/api/customers/c-1")
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .valueEquals("Retry-After", "30")
                .expectHeader()
                .contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Service unavailable")
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).startsWith("payment-service "));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void repeatedFailuresOpenTheBreakerWhichRefusesWritesBeforeSendingThem() {
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> detailOf(gateway.get().uri("/api/customers/c-1").exchange())
                        .equals("payment-service is unavailable: its circuit breaker is open"));
        gateway.post()
                .uri("/api/customers")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"customerId\":\"c-9\",\"name\":\"Cy\",\"balance\":10}")
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .valueEquals("Retry-After", "30")
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("payment-service is unavailable: its circuit breaker is open");
    }

    private static String detailOf(WebTestClient.ResponseSpec response) {
        EntityExchangeResult<String> result =
                response.expectStatus().isEqualTo(503).expectBody(String.class).returnResult();
        String body = result.getResponseBody();
        return body == null ? "" : body.replaceAll(".*\"detail\":\"([^\"]*)\".*", "$1");
    }

    @Test
    void anOrderPostThatTimesOutHasAnUnknownOutcome() {
        long started = System.nanoTime();
        gateway.post()
                .uri("/api/orders")
                .contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", "slow-1")
                .bodyValue("{\"customerId\":\"slow\"}")
                .exchange()
                .expectStatus()
                .isEqualTo(504)
                .expectHeader()
                .contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Outcome unknown")
                .jsonPath("$.detail")
                .isEqualTo("order-service did not answer: outcome unknown: retry with the same Idempotency-Key");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
        assertThat(orders.received())
                .anySatisfy(r -> assertThat(r.header("Idempotency-Key")).isEqualTo("slow-1"));
    }

    @Test
    void anOrderPostWhoseServiceDiesMidRequestHasAnUnknownOutcomeAndIsNotRetried() {
        int before = orders.received().size();
        gateway.post()
                .uri("/api/orders")
                .contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", "die-1")
                .bodyValue("{\"customerId\":\"die\"}")
                .exchange()
                .expectStatus()
                .isEqualTo(504)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("order-service did not answer: outcome unknown: retry with the same Idempotency-Key");
        assertThat(orders.received()).hasSize(before + 1);
    }

    @Test
    void aReadWhoseConnectionFailsIsRetried() {
        gateway.get()
                .uri("/api/products/flaky")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.sku")
                .isEqualTo("SKU-1");
        assertThat(inventory.received("GET", "/products/flaky")).hasSize(2);
    }

    @Test
    void aSlowReadIsA504() {
        gateway.get()
                .uri("/api/products/slow")
                .exchange()
                .expectStatus()
                .isEqualTo(504)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("inventory-service did not answer in time");
        assertThat(inventory.received("GET", "/products/slow")).hasSize(1);
    }

    @Test
    void aClientOverItsRateIsToldToComeBackLater() {
        // a path no route serves: the limit applies before routing, and no service is involved
        WebClient client = WebClient.create(gatewayUrl);
        List<ResponseEntity<String>> answers = Flux.range(0, 5 * REQUESTS_PER_SECOND)
                .flatMap(
                        i -> client.get()
                                .uri("/api/nothing-here")
                                .header(ClientRateLimits.CLIENT_HEADER, "greedy")
                                .exchangeToMono(response -> response.toEntity(String.class)),
                        5 * REQUESTS_PER_SECOND)
                .collectList()
                .block(Duration.ofSeconds(30));

        assertThat(answers).extracting(answer -> answer.getStatusCode().value()).containsOnly(404, 429);
        ResponseEntity<String> refused = answers.stream()
                .filter(answer -> answer.getStatusCode().value() == 429)
                .findFirst()
                .orElseThrow();
        assertThat(refused.getHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody())
                .contains("\"title\":\"Too many requests\"", "\"status\":429", "rate limit is exhausted");

        gateway.get().uri("/api/products/SKU-1").exchange().expectStatus().isOk();
    }
}
