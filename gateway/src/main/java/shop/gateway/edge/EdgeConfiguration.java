package shop.gateway.edge;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.MethodNotAllowedException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EdgeProperties.class)
class EdgeConfiguration {

    @Bean
    ClientRateLimits clientRateLimits(EdgeProperties settings) {
        return new ClientRateLimits(settings.rateLimit());
    }

    @Bean
    BodySizeLimit bodySizeLimit(EdgeProperties settings) {
        return new BodySizeLimit(settings.maxBodySize());
    }

    @Bean
    JsonBodyCheck jsonBodyCheck(JsonMapper json) {
        return new JsonBodyCheck(json);
    }

    @Bean
    CircuitBreakerRegistry circuitBreakers(EdgeProperties settings) {
        EdgeProperties.Breaker breaker = settings.breaker();
        return CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(breaker.windowSize())
                .minimumNumberOfCalls(breaker.minimumCalls())
                .failureRateThreshold(breaker.failureRateThreshold())
                .waitDurationInOpenState(breaker.openFor())
                // only the service's own failures count; the edge's refusals (413...) are neither
                .recordException(UpstreamFailures::isTransportFailure)
                .ignoreException(error -> !UpstreamFailures.isTransportFailure(error))
                .build());
    }

    @Bean
    UpstreamGatewayFilterFactory upstreamGatewayFilterFactory(
            CircuitBreakerRegistry circuitBreakers, EdgeProperties settings) {
        return new UpstreamGatewayFilterFactory(circuitBreakers, settings);
    }

    /**
     * Only POST of /api/orders goes to order-service (reads are the gateway's own view), so any
     * other method there is refused here with 405 rather than a misleading 404.
     */
    @Bean
    RouterFunction<ServerResponse> orderPlacementOnly() {
        return RouterFunctions.route(
                RequestPredicates.path("/api/orders")
                        .and(RequestPredicates.method(HttpMethod.POST).negate()),
                request -> Mono.error(new MethodNotAllowedException(request.method(), Set.of(HttpMethod.POST))));
    }
}
