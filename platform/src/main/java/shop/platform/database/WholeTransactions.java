package shop.platform.database;

import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Runs work in a transaction that ends in a commit or a rollback of all of it, even when the
 * caller stops waiting. Cancelling a transactional {@code Mono} rolls back at once, concurrently
 * with whatever statement the work was about to send: that statement can then reach the
 * connection after the rollback and commit on its own. The fault harness showed it: an order row
 * committed without its idempotency key and without its OrderPlaced event, when the gateway gave
 * up on a slow POST, so that order stayed PENDING for good. Work started by an HTTP request, which
 * a client or the gateway may cancel at any time, goes through here; the caller's Reactor context
 * (trace, causation) still reaches the work.
 */
public final class WholeTransactions {

    private final TransactionalOperator transaction;

    public WholeTransactions(TransactionalOperator transaction) {
        this.transaction = transaction;
    }

    public <T> Mono<T> run(Mono<T> work) {
        return Mono.deferContextual(context -> Mono.fromFuture(
                () -> transaction.transactional(work).contextWrite(context).toFuture(), true));
    }
}
