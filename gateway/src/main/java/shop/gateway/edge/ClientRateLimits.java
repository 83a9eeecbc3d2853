package shop.gateway.edge;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A request budget per client on the public API, kept in memory: the client is the
 * {@code X-Client-Id} header, else the remote address. Only recently active clients are kept,
 * and at most a bounded number of them, so a flood of made-up ids cannot exhaust the heap.
 */
class ClientRateLimits implements WebFilter, Ordered {

    static final String CLIENT_HEADER = "X-Client-Id";
    private static final int MAX_CLIENT_ID_LENGTH = 128;
    private final LoadingCache<String, RateLimiter> limiters;
    private final Duration period;

    ClientRateLimits(EdgeProperties.RateLimit settings) {
        RateLimiterConfig config = RateLimiterConfig.custom()
                .limitForPeriod(settings.requests())
                .limitRefreshPeriod(settings.period())
                .timeoutDuration(Duration.ZERO)
                .build();
        this.period = settings.period();
        this.limiters = Caffeine.newBuilder()
                .maximumSize(settings.maxClients())
                .expireAfterAccess(settings.idleAfter())
                .build(client -> RateLimiter.of(client, config));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        RateLimiter limiter = limiters.get(client(exchange));
        if (!limiter.acquirePermission()) {
            return Mono.error(Problems.tooManyRequests(period));
        }
        return chain.filter(exchange);
    }

    private static String client(ServerWebExchange exchange) {
        String id = exchange.getRequest().getHeaders().getFirst(CLIENT_HEADER);
        if (id != null && !id.isBlank()) {
            return "id:" + (id.length() > MAX_CLIENT_ID_LENGTH ? id.substring(0, MAX_CLIENT_ID_LENGTH) : id);
        }
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return "address:" + (remote == null ? "unknown" : remote.getAddress().getHostAddress());
    }
}
