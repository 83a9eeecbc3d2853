package shop.loadtest.shop;

import io.netty.channel.ChannelOption;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.http.codec.json.JacksonJsonEncoder;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;
import shop.loadtest.plan.CustomerSpec;
import shop.loadtest.plan.PlannedOrder;
import shop.loadtest.plan.ProductSpec;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The public API of the gateway (ARCHITECTURE §5), as far as the load test uses it. */
public final class ShopClient implements AutoCloseable {

    /** Above the gateway's own order-placement timeout (5 s), so that its 504 normally comes first. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private static final ParameterizedTypeReference<ServerSentEvent<StatusEvent>> STATUS_EVENTS =
            new ParameterizedTypeReference<>() {};

    private final WebClient web;
    private final ConnectionProvider pool;
    private final LoopResources loops;

    private ShopClient(WebClient web, ConnectionProvider pool, LoopResources loops) {
        this.web = web;
        this.pool = pool;
        this.loops = loops;
    }

    /**
     * A client whose pool holds {@code maxConnections}: each order in flight holds a stream and
     * briefly a request, and waiting for a connection must queue rather than fail. It runs on
     * Java NIO, not on the native transport Reactor Netty prefers: with Netty 4.2's io_uring,
     * kept-alive connections now and then went silent (a POST or a stream waiting for its
     * timeout), which would show up as the system's latency.
     */
    public static ShopClient connect(URI gateway, int maxConnections) {
        ConnectionProvider pool = ConnectionProvider.builder("load-test")
                .maxConnections(maxConnections)
                .pendingAcquireMaxCount(Math.max(10_000, maxConnections * 8))
                .pendingAcquireTimeout(Duration.ofSeconds(60))
                .maxIdleTime(Duration.ofSeconds(30))
                .build();
        LoopResources loops = LoopResources.create("load-test", LoopResources.DEFAULT_IO_WORKER_COUNT, true);
        HttpClient http = HttpClient.create(pool)
                .runOn(loops, false)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2000)
                // longer than the stream's 15 s keep-alive comments, so an idle stream is not cut
                .responseTimeout(Duration.ofSeconds(40));
        JsonMapper json = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        WebClient web = WebClient.builder()
                .baseUrl(gateway.toString())
                .clientConnector(new ReactorClientHttpConnector(http))
                .codecs(codecs -> {
                    codecs.defaultCodecs().jacksonJsonDecoder(new JacksonJsonDecoder(json));
                    codecs.defaultCodecs().jacksonJsonEncoder(new JacksonJsonEncoder(json));
                })
                .build();
        return new ShopClient(web, pool, loops);
    }

    public Mono<Answer> createProduct(ProductSpec product) {
        return post(
                "/api/products",
                Map.of(
                        "sku",
                        product.sku(),
                        "name",
                        product.name(),
                        "price",
                        product.price(),
                        "stock",
                        product.stock()));
    }

    public Mono<Answer> createCustomer(CustomerSpec customer) {
        return post(
                "/api/customers",
                Map.of("customerId", customer.customerId(), "name", customer.name(), "balance", customer.balance()));
    }

    /** One attempt to place {@code order}; the caller decides whether to repeat it (same key). */
    public Mono<Answer> placeOrder(PlannedOrder order) {
        var body = Map.of(
                "customerId", order.customerId(),
                "items", order.lines(),
                "shippingAddress",
                        Map.of(
                                "name", "Load Test",
                                "street", "1 Test Street",
                                "city", "Testville",
                                "postalCode", "T1 1TT",
                                "country", order.country()));
        return web.post()
                .uri("/api/orders")
                .header("Idempotency-Key", order.idempotencyKey().toString())
                .bodyValue(body)
                .exchangeToMono(response -> response.statusCode().value() == 202
                        ? response.bodyToMono(Accepted.class)
                                .map(accepted -> new Answer(202, Optional.empty(), Optional.of(accepted.orderId())))
                        : answer(response))
                .timeout(REQUEST_TIMEOUT);
    }

    /**
     * Asks to cancel the order: 202 while it is not final (and for a repeat), 409 once confirmed.
     * Asking again is safe, so the caller may repeat it after a 5xx or a timeout.
     */
    public Mono<Answer> cancel(UUID orderId, UUID idempotencyKey) {
        return web.post()
                .uri("/api/orders/{id}/cancellation", orderId)
                .header("Idempotency-Key", idempotencyKey.toString())
                .exchangeToMono(ShopClient::answer)
                .timeout(REQUEST_TIMEOUT);
    }

    /** The order's status events, the current one first; the stream ends after a final one. */
    public Flux<StatusEvent> stream(UUID orderId) {
        return web.get()
                .uri("/api/orders/{id}/stream", orderId)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .retrieve()
                .bodyToFlux(STATUS_EVENTS)
                .filter(event -> "status".equals(event.event()) && event.data() != null)
                .map(ServerSentEvent::data);
    }

    public Mono<OrderView> order(UUID orderId) {
        return get("/api/orders/{id}", OrderView.class, orderId);
    }

    public Mono<ProductView> product(String sku) {
        return get("/api/products/{sku}", ProductView.class, sku);
    }

    public Mono<CustomerView> customer(String customerId) {
        return get("/api/customers/{id}", CustomerView.class, customerId);
    }

    /** The view's staleness as the gateway measured it; empty when it has no such figures (yet). */
    public Mono<Optional<ViewStaleness>> viewStaleness() {
        return Mono.zip(stalenessPercentile("0.5"), stalenessPercentile("0.99"))
                .map(percentiles -> Optional.of(new ViewStaleness(percentiles.getT1(), percentiles.getT2())))
                .onErrorResume(error -> Mono.just(Optional.empty()));
    }

    /** A percentile of {@code shop.view.staleness} in milliseconds (the actuator answers in seconds). */
    private Mono<Double> stalenessPercentile(String phi) {
        return web.get()
                .uri("/actuator/metrics/shop.view.staleness.percentile?tag=phi:{phi}", phi)
                .retrieve()
                .bodyToMono(Metric.class)
                .map(metric -> Math.round(metric.measurements().get(0).value() * 10_000.0) / 10.0)
                .timeout(REQUEST_TIMEOUT);
    }

    @Override
    public void close() {
        pool.dispose();
        loops.dispose();
    }

    private <T> Mono<T> get(String path, Class<T> type, Object variable) {
        return web.get().uri(path, variable).retrieve().bodyToMono(type).timeout(REQUEST_TIMEOUT);
    }

    private Mono<Answer> post(String path, Object body) {
        return web.post()
                .uri(path)
                .bodyValue(body)
                .exchangeToMono(ShopClient::answer)
                .timeout(REQUEST_TIMEOUT);
    }

    private static Mono<Answer> answer(ClientResponse response) {
        Optional<Duration> retryAfter =
                RetryAfter.parse(response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER), Instant.now());
        return response.releaseBody()
                .thenReturn(new Answer(response.statusCode().value(), retryAfter, Optional.empty()));
    }

    /** The body of a 202. */
    record Accepted(UUID orderId, String status) {}

    /** What the actuator answers for one meter. */
    record Metric(java.util.List<Measurement> measurements) {

        record Measurement(String statistic, double value) {}
    }
}
