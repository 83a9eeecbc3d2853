package shop.gateway.edge;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The edge's own limits and resilience settings ({@code shop.gateway.edge.*}). Upstream URLs and
 * per-route timeouts are plain settings under {@code shop.gateway.upstreams} and
 * {@code shop.gateway.timeouts}, read by the route definitions in application.yml.
 */
@ConfigurationProperties("shop.gateway.edge")
record EdgeProperties(DataSize maxBodySize, RateLimit rateLimit, Breaker breaker, Retry retry) {

    /**
     * Requests a client may make per period; at most {@code maxClients} clients are tracked, and
     * one idle for {@code idleAfter} is forgotten.
     */
    record RateLimit(int requests, Duration period, long maxClients, Duration idleAfter) {}

    /** One breaker per upstream service, counting transport failures (refused, timed out, cut). */
    record Breaker(float failureRateThreshold, int minimumCalls, int windowSize, Duration openFor) {}

    /** Retries of idempotent reads whose connection failed before any answer. */
    record Retry(int attempts, Duration backoff) {}
}
