package shop.gateway.edge;

import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Before a write is routed, checks that its body is JSON (415 otherwise) and well-formed (400
 * otherwise), so a service never sees what the contract says the edge refuses. The body is read
 * whole, which {@link BodySizeLimit} bounds, and forwarded as read with its exact length. A
 * cancellation takes no body: sent without one, it is routed as it is.
 */
class JsonBodyCheck implements GlobalFilter, Ordered {

    private static final Set<HttpMethod> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);
    private static final Pattern BODILESS = Pattern.compile("/api/orders/[^/]+/cancellation");

    private final ObjectReader reader;

    JsonBodyCheck(JsonMapper json) {
        this.reader = json.readerFor(JsonNode.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    @Override
    public int getOrder() {
        // before the route's own filters, so a refused body never counts against a circuit breaker
        return Ordered.HIGHEST_PRECEDENCE + 1000;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!WRITES.contains(request.getMethod()) || isBodiless(request)) {
            return chain.filter(exchange);
        }
        MediaType contentType = request.getHeaders().getContentType();
        if (!isJson(contentType)) {
            return Mono.error(Problems.unsupportedMediaType(request.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE)));
        }
        return DataBufferUtils.join(request.getBody())
                .map(JsonBodyCheck::bytes)
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> {
                    check(body);
                    return chain.filter(
                            exchange.mutate().request(replay(exchange, body)).build());
                });
    }

    private static boolean isBodiless(ServerHttpRequest request) {
        HttpHeaders headers = request.getHeaders();
        return BODILESS.matcher(request.getPath().value()).matches()
                && headers.getContentType() == null
                && headers.getContentLength() <= 0
                && !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
    }

    private static boolean isJson(MediaType contentType) {
        return contentType != null
                && (MediaType.APPLICATION_JSON.isCompatibleWith(contentType)
                        || "application".equals(contentType.getType())
                                && contentType.getSubtype().endsWith("+json"));
    }

    private void check(byte[] body) {
        if (body.length == 0) {
            throw Problems.malformedJson("the body is empty; a JSON document is expected");
        }
        try {
            reader.readTree(body);
        } catch (JacksonException e) {
            throw Problems.malformedJson("the body is not well-formed JSON: " + e.getOriginalMessage());
        }
    }

    private static byte[] bytes(DataBuffer joined) {
        byte[] bytes = new byte[joined.readableByteCount()];
        joined.read(bytes);
        DataBufferUtils.release(joined);
        return bytes;
    }

    private static ServerHttpRequest replay(ServerWebExchange exchange, byte[] body) {
        ServerHttpRequest sized = exchange.getRequest()
                .mutate()
                .headers(headers -> {
                    headers.remove(HttpHeaders.TRANSFER_ENCODING);
                    headers.setContentLength(body.length);
                })
                .build();
        return new ServerHttpRequestDecorator(sized) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(
                        () -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
            }
        };
    }
}
