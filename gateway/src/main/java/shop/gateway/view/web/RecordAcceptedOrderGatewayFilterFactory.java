package shop.gateway.view.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import shop.gateway.view.domain.OrderView;
import shop.gateway.view.store.OrderViews;

/**
 * Read-your-writes at the edge: when order-service accepts an order, the view records it as
 * PENDING before the client sees the 202, so a GET that follows never answers 404, on any
 * gateway instance (they share the view's database). If that write fails, the GET still asks
 * order-service about an order the view does not know.
 */
@Component
class RecordAcceptedOrderGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

    private static final Logger log = LoggerFactory.getLogger(RecordAcceptedOrderGatewayFilterFactory.class);

    private final OrderViews views;

    RecordAcceptedOrderGatewayFilterFactory(OrderViews views) {
        this.views = views;
    }

    @Override
    public GatewayFilter apply(Object config) {
        return (exchange, chain) -> {
            var response = exchange.getResponse();
            response.beforeCommit(() -> {
                String location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
                if (!HttpStatus.ACCEPTED.equals(response.getStatusCode()) || location == null) {
                    return Mono.empty();
                }
                return Mono.fromCallable(() -> UUID.fromString(location.substring(location.lastIndexOf('/') + 1)))
                        .flatMap(orderId -> views.insertIfAbsent(
                                OrderView.accepted(orderId, Instant.now().truncatedTo(ChronoUnit.MILLIS))))
                        .then()
                        .onErrorResume(error -> {
                            log.warn(
                                    "Could not record the accepted order {} in the view: {}",
                                    location,
                                    error.toString());
                            return Mono.empty();
                        });
            });
            return chain.filter(exchange);
        };
    }
}
