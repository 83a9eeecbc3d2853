package shop.gateway.edge;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies over the limit with 413: at once when the declared Content-Length is too
 * large, and for a chunked body (no length declared) as soon as the bytes read pass the limit,
 * so nothing larger is ever buffered or forwarded.
 */
class BodySizeLimit implements WebFilter, Ordered {

    private final DataSize limit;

    BodySizeLimit(DataSize limit) {
        this.limit = limit;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getHeaders().getContentLength() > limit.toBytes()) {
            return Mono.error(Problems.payloadTooLarge(limit));
        }
        ServerHttpRequestDecorator counted = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> {
                    AtomicLong read = new AtomicLong();
                    return super.getBody().map(buffer -> {
                        if (read.addAndGet(buffer.readableByteCount()) > limit.toBytes()) {
                            DataBufferUtils.release(buffer);
                            throw Problems.payloadTooLarge(limit);
                        }
                        return buffer;
                    });
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }
}
