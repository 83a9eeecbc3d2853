package shop.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class ClientRateLimitsTests {

    static final WebFilterChain PASS = exchange -> Mono.empty();

    final ClientRateLimits limits =
            new ClientRateLimits(new EdgeProperties.RateLimit(2, Duration.ofMinutes(1), 100, Duration.ofMinutes(5)));

    @Test
    void aClientOverItsBudgetIsToldToComeBackWhenItRefills() {
        passes(request("/api/products").header(ClientRateLimits.CLIENT_HEADER, "a"));
        passes(request("/api/products").header(ClientRateLimits.CLIENT_HEADER, "a"));

        StepVerifier.create(limits.filter(
                        exchange(request("/api/products").header(ClientRateLimits.CLIENT_HEADER, "a")), PASS))
                .expectErrorSatisfies(error -> {
                    ErrorResponseException problem = (ErrorResponseException) error;
                    assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
                    assertThat(problem.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))
                            .isEqualTo("60");
                })
                .verify();
    }

    @Test
    void eachClientHasItsOwnBudgetKeyedByIdElseByAddress() {
        for (int i = 0; i < 2; i++) {
            passes(request("/api/products").header(ClientRateLimits.CLIENT_HEADER, "a"));
            passes(request("/api/products").header(ClientRateLimits.CLIENT_HEADER, "b"));
            passes(request("/api/products").remoteAddress(new InetSocketAddress("10.0.0.1", 5000)));
            passes(request("/api/products").remoteAddress(new InetSocketAddress("10.0.0.2", 5000)));
        }
        StepVerifier.create(limits.filter(
                        exchange(request("/api/products").remoteAddress(new InetSocketAddress("10.0.0.1", 6000))),
                        PASS))
                .expectError(ErrorResponseException.class)
                .verify();
    }

    @Test
    void onlyThePublicApiIsLimited() {
        for (int i = 0; i < 5; i++) {
            passes(request("/actuator/health").header(ClientRateLimits.CLIENT_HEADER, "probe"));
        }
    }

    private void passes(MockServerHttpRequest.BaseBuilder<?> request) {
        StepVerifier.create(limits.filter(exchange(request), PASS)).verifyComplete();
    }

    private static MockServerHttpRequest.BaseBuilder<?> request(String path) {
        return MockServerHttpRequest.get(path).remoteAddress(new InetSocketAddress("127.0.0.1", 4000));
    }

    private static MockServerWebExchange exchange(MockServerHttpRequest.BaseBuilder<?> request) {
        return MockServerWebExchange.from(request);
    }
}
