package shop.gateway.view.store;

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
 * the new views once the transaction commits.
 */
public class ViewProjection {

    private final OrderViews views;
    private final ViewChanges changes;

    public ViewProjection(OrderViews views, ViewChanges changes) {
        this.views = views;
        this.changes = changes;
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
                return changed.isEmpty()
                        ? Mono.empty()
                        : views.updateAll(changed).then(announceAfterCommit(changed));
            });
        });
    }

    /** The events the timeline took, each once (a batch may carry two copies of one), in arrival order. */
    private static List<SagaEvent> firstCopies(List<SagaEvent> events, Set<UUID> added) {
        Set<UUID> unseen = new HashSet<>(added);
        return events.stream().filter(event -> unseen.remove(event.eventId())).toList();
    }

    private Mono<Void> announceAfterCommit(List<OrderView> changed) {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .doOnNext(sync -> sync.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public Mono<Void> afterCommit() {
                        return Mono.fromRunnable(() -> changes.announce(changed));
                    }
                }))
                .then();
    }
}
