package shop.gateway.view.store;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;
import shop.gateway.view.domain.OrderView;
import shop.gateway.view.domain.SagaEvent;

/**
 * Folds a batch of saga events into their orders' views inside the consumer's transaction, in
 * four statements whatever the batch's size: the timeline insert tells which events are new, the
 * orders' rows are locked (so batches touching the same order apply one after the other), the
 * new events are applied in arrival order, and the changed rows are written. Watchers are handed
 * the new views once the transaction commits, and then each new event's staleness is recorded
 * ({@code shop.view.staleness}): from its time at its producer, stamped in the producer's
 * transaction just before that commits, to the view's commit here.
 */
public class ViewProjection {

    /** The percentiles cover about the last minute: a load-test run of its own, read right after it. */
    private static final Duration STALENESS_WINDOW = Duration.ofMinutes(1);

    private final OrderViews views;
    private final ViewChanges changes;
    private final Timer staleness;

    public ViewProjection(OrderViews views, ViewChanges changes, MeterRegistry meters) {
        this.views = views;
        this.changes = changes;
        this.staleness = Timer.builder("shop.view.staleness")
                .description("from an event's time at its producer to the view's commit of it")
                .publishPercentiles(0.5, 0.99)
                .distributionStatisticExpiry(STALENESS_WINDOW)
                .register(meters);
    }

    public Mono<Void> projectAll(List<SagaEvent> events) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return views.addToTimeline(events).flatMap(added -> {
            List<SagaEvent> fresh = firstCopies(events, added);
            if (fresh.isEmpty()) {
                return Mono.empty();
            }
            Set<UUID> orderIds = new LinkedHashSet<>();
            fresh.forEach(event -> orderIds.add(event.orderId()));
            return views.lockAll(orderIds, now).flatMap(current -> {
                Map<UUID, OrderView> next = new HashMap<>(current);
                for (SagaEvent event : fresh) {
                    next.computeIfPresent(event.orderId(), (id, view) -> view.apply(event, now));
                }
                List<OrderView> changed = new ArrayList<>();
                next.forEach((id, view) -> {
                    if (view.version() != current.get(id).version()) {
                        changed.add(view);
                    }
                });
                Mono<Void> update = changed.isEmpty() ? Mono.empty() : views.updateAll(changed);
                return update.then(afterCommit(fresh, changed));
            });
        });
    }

    /** The events the timeline took, each once (a batch may carry two copies of one), in arrival order. */
    private static List<SagaEvent> firstCopies(List<SagaEvent> events, Set<UUID> added) {
        Set<UUID> unseen = new HashSet<>(added);
        return events.stream().filter(event -> unseen.remove(event.eventId())).toList();
    }

    private Mono<Void> afterCommit(List<SagaEvent> fresh, List<OrderView> changed) {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .doOnNext(sync -> sync.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public Mono<Void> afterCommit() {
                        return Mono.fromRunnable(() -> {
                            Instant committed = Instant.now();
                            fresh.forEach(event -> staleness.record(Duration.between(event.occurredAt(), committed)));
                            if (!changed.isEmpty()) {
                                changes.announce(changed);
                            }
                        });
                    }
                }))
                .then();
    }
}
