package shop.gateway.view.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;
import shop.gateway.view.OrderView;
import shop.gateway.view.SagaEvent;

/**
 * Folds one saga event into its order's view inside the consumer's transaction: the order's row
 * is locked, so events of one order handled at once apply one after the other. Watchers are
 * told of a change once it is committed.
 */
public class ViewProjection {

    private final OrderViews views;
    private final ViewChanges changes;

    public ViewProjection(OrderViews views, ViewChanges changes) {
        this.views = views;
        this.changes = changes;
    }

    public Mono<Void> project(SagaEvent event) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return views.addToTimeline(event).then(views.lock(event.orderId(), now)).flatMap(current -> {
            OrderView next = current.apply(event, now);
            return next == current ? Mono.empty() : views.update(next).then(announceAfterCommit(next));
        });
    }

    private Mono<Void> announceAfterCommit(OrderView view) {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .doOnNext(sync -> sync.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public Mono<Void> afterCommit() {
                        return Mono.fromRunnable(() -> changes.announce(view.orderId()));
                    }
                }))
                .then();
    }
}
