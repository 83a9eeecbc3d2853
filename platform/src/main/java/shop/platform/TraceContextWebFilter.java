package shop.platform;

import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import shop.platform.event.Causation;
import shop.platform.event.HeaderNames;
import shop.platform.event.TraceParent;

/** Continues the caller's W3C trace: events that a request causes carry its trace id. */
public class TraceContextWebFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        TraceParent trace = TraceParent.parse(exchange.getRequest().getHeaders().getFirst(HeaderNames.TRACEPARENT));
        if (trace == null) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange).contextWrite(context -> Causation.put(context, new Causation(null, trace)));
    }
}
