package shop.gateway.view.web;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import shop.gateway.view.ViewProperties;
import shop.gateway.view.domain.OrderView;
import shop.gateway.view.domain.SagaEvent;
import shop.gateway.view.store.OrderViews;
import shop.gateway.view.store.ViewChanges;

/** The gateway's own order endpoints, served from its view: the status and its live stream. */
@RestController
class OrderStatusController {

    private final OrderViews views;
    private final ViewChanges changes;
    private final OrderServiceLookup orderService;
    private final ViewProperties settings;

    OrderStatusController(
            OrderViews views, ViewChanges changes, OrderServiceLookup orderService, ViewProperties settings) {
        this.views = views;
        this.changes = changes;
        this.orderService = orderService;
        this.settings = settings;
    }

    @GetMapping("/api/orders/{orderId}")
    Mono<OrderStatus> order(@PathVariable UUID orderId) {
        return known(orderId)
                .zipWith(views.timeline(orderId).collectList())
                .map(viewAndTimeline -> OrderStatus.of(viewAndTimeline.getT1(), viewAndTimeline.getT2()));
    }

    /**
     * Sends the current status, then each change, and ends after a final status. It follows the
     * order's changes before it reads the view, and drops what is not newer than what it sent, so
     * no change falls between the read and the first one handed over. The view is read once:
     * changes made on this instance arrive with their new state.
     */
    @GetMapping(path = "/api/orders/{orderId}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Mono<ResponseEntity<Flux<ServerSentEvent<StatusUpdate>>>> stream(@PathVariable UUID orderId) {
        return Mono.defer(() -> {
            ViewChanges.Follower follower = changes.follow(orderId);
            return known(orderId)
                    .map(first -> ResponseEntity.ok()
                            .contentType(MediaType.TEXT_EVENT_STREAM)
                            .body(updates(first, follower).doFinally(signal -> follower.close())))
                    .doOnError(error -> follower.close())
                    .doOnCancel(follower::close);
        });
    }

    private Flux<ServerSentEvent<StatusUpdate>> updates(OrderView first, ViewChanges.Follower follower) {
        AtomicReference<StatusUpdate> lastSent = new AtomicReference<>();
        Flux<ServerSentEvent<StatusUpdate>> updates = Flux.concat(Mono.just(first), follower.changes())
                .filter(view -> isNews(view, lastSent.get()))
                .doOnNext(view -> lastSent.set(StatusUpdate.of(view)))
                .takeUntil(view -> view.status().isFinal())
                .map(view -> ServerSentEvent.builder(StatusUpdate.of(view))
                        .event("status")
                        .id(String.valueOf(view.version()))
                        .build());
        return updates.publish(shared -> Flux.merge(shared, keepAlive().takeUntilOther(shared.ignoreElements())))
                .take(settings.maxStreamDuration());
    }

    /** A newer version of the view whose status or failure reason differs from what was sent. */
    private static boolean isNews(OrderView view, StatusUpdate sent) {
        return sent == null
                || (view.version() > sent.version()
                        && (!view.status().name().equals(sent.status())
                                || !Objects.equals(view.failureReason(), sent.failureReason())));
    }

    private Flux<ServerSentEvent<StatusUpdate>> keepAlive() {
        return Flux.interval(settings.keepAlive(), settings.keepAlive())
                .map(tick -> ServerSentEvent.<StatusUpdate>builder()
                        .comment("keep-alive")
                        .build());
    }

    private Mono<OrderView> known(UUID orderId) {
        return views.find(orderId)
                .switchIfEmpty(Mono.defer(() -> orderService.find(orderId)))
                .switchIfEmpty(
                        Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no order " + orderId)));
    }

    record StatusUpdate(
            UUID orderId,
            String status,
            String failureReason,
            Instant at,
            @JsonIgnore long version) {
        static StatusUpdate of(OrderView view) {
            return new StatusUpdate(
                    view.orderId(), view.status().name(), view.failureReason(), view.updatedAt(), view.version());
        }
    }

    record OrderStatus(
            UUID orderId,
            String customerId,
            String status,
            String failureReason,
            BigDecimal total,
            List<SagaEvent.Line> items,
            List<OrderViews.TimelineEntry> timeline,
            Instant updatedAt) {

        static OrderStatus of(OrderView view, List<OrderViews.TimelineEntry> timeline) {
            return new OrderStatus(
                    view.orderId(),
                    view.customerId(),
                    view.status().name(),
                    view.failureReason(),
                    view.total(),
                    view.items(),
                    timeline,
                    view.updatedAt());
        }
    }
}
