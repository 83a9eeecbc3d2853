package shop.order;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import shop.platform.BackgroundWork;
import shop.platform.database.WholeTransactions;

/**
 * Cancels the orders whose saga is past its deadline, as TIMED_OUT, through the same transition
 * as a customer's cancellation. The deadline is a column of the order, so it survives restarts;
 * overdue orders are claimed with {@code FOR UPDATE SKIP LOCKED}, and only a PENDING order
 * moves, so several instances never time one order out twice. Also counts the sagas still not
 * final past their deadline ({@code shop.saga.overdue}): those a timeout could not end yet,
 * because their unwinding waits on a service that is down or on a dead letter.
 */
@Component
class SagaDeadlines extends BackgroundWork {

    static final int BATCH = 100;

    private final Orders orders;
    private final OrderProgress progress;
    private final WholeTransactions transactions;
    private final SagaDeadlineProperties properties;
    private final AtomicLong overdue = new AtomicLong();

    SagaDeadlines(
            Orders orders,
            OrderProgress progress,
            WholeTransactions transactions,
            SagaDeadlineProperties properties,
            MeterRegistry meters) {
        this.orders = orders;
        this.progress = progress;
        this.transactions = transactions;
        this.properties = properties;
        Gauge.builder("shop.saga.overdue", overdue, AtomicLong::get)
                .description("orders not final past their saga's deadline")
                .register(meters);
    }

    /** Times out every overdue pending order, a batch per transaction; answers how many. */
    Mono<Long> timeOutOverdue() {
        return timeOutBatch()
                .expand(timedOut -> timedOut == BATCH ? timeOutBatch() : Mono.empty())
                .reduce(0L, Long::sum);
    }

    /**
     * One batch in one transaction that runs to its end even if the service stops meanwhile
     * ({@link WholeTransactions}): an order's CANCELLING and its OrderCancellationRequested commit
     * together or not at all. The claimed rows are read whole before they are updated.
     */
    private Mono<Long> timeOutBatch() {
        return transactions.run(orders.claimOverdue(BATCH)
                .collectList()
                .flatMapMany(Flux::fromIterable)
                .concatMap(order -> progress.timeOut(order).thenReturn(order))
                .count());
    }

    @Override
    protected Disposable begin() {
        return every(
                properties.checkInterval(),
                "Saga deadline check",
                () -> timeOutOverdue().then(orders.countOverdue()).doOnNext(overdue::set));
    }
}
