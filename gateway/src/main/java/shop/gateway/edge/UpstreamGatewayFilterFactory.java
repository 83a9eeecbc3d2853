package shop.gateway.edge;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import java.util.List;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpMethod;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The resilience of one route to its service ({@code - Upstream=inventory-service} in a route's
 * filters): the service's circuit breaker around the call, retries of reads whose connection
 * failed, and the translation of transport failures into 503 / 504 problems.
 */
class UpstreamGatewayFilterFactory extends AbstractGatewayFilterFactory<UpstreamGatewayFilterFactory.Config> {

    private final CircuitBreakerRegistry breakers;
    private final EdgeProperties settings;

    UpstreamGatewayFilterFactory(CircuitBreakerRegistry breakers, EdgeProperties settings) {
        super(Config.class);
        this.breakers = breakers;
        this.settings = settings;
    }

    @Override
    public List<String> shortcutFieldOrder() {
        return List.of("service");
    }

    @Override
    public GatewayFilter apply(Config config) {
        String service = config.getService();
        CircuitBreaker breaker = breakers.circuitBreaker(service);
        return (exchange, chain) -> {
            HttpMethod method = exchange.getRequest().getMethod();
            Mono<Void> call = Mono.defer(() -> {
                // a retried attempt must route again: forget the previous attempt's answer
                ServerWebExchangeUtils.reset(exchange);
                return chain.filter(exchange);
            });
            if (HttpMethod.GET.equals(method)) {
                call = call.retryWhen(Retry.backoff(
                                settings.retry().attempts(), settings.retry().backoff())
                        .filter(UpstreamFailures::connectionFailed)
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
            }
            return call.transformDeferred(CircuitBreakerOperator.of(breaker))
                    .onErrorMap(error -> UpstreamFailures.translate(
                            error, service, method, settings.breaker().openFor()));
        };
    }

    /** Which service the route leads to; it names the circuit breaker and the problems. */
    public static class Config {

        private String service;

        public String getService() {
            return service;
        }

        public void setService(String service) {
            this.service = service;
        }
    }
}
