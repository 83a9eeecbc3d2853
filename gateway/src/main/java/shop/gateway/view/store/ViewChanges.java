package shop.gateway.view.store;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;
import shop.gateway.view.domain.OrderView;
import shop.platform.BackgroundWork;

/**
 * Hands live streams the changes of the orders they follow, on every gateway instance. A change
 * this instance committed reaches its followers at once, with the new view; other instances learn
 * of it through PostgreSQL's {@code LISTEN/NOTIFY} on the gateway's database, and their followers
 * re-read the view. Changes are batched into one notification every few milliseconds, because
 * each {@code NOTIFY} takes a lock at commit that every database of the cluster waits on. A
 * notification is a hint to re-read the view, never data.
 */
public class ViewChanges extends BackgroundWork {

    private static final Logger log = LoggerFactory.getLogger(ViewChanges.class);
    private static final String CHANNEL = "order_view_changes";
    // A notification payload must stay under 8000 bytes: ~200 ids of 37 characters.
    private static final int IDS_PER_NOTIFICATION = 150;

    private final String instance = UUID.randomUUID().toString();
    private final Map<UUID, Set<Follower>> followers = new ConcurrentHashMap<>();
    private final Sinks.Many<UUID> toNotify = Sinks.many().unicast().onBackpressureBuffer();
    private final OrderViews views;
    private final DatabaseClient db;
    private final ConnectionFactory listenerConnections;

    /** @param listenerConnections a non-pooled factory: the listening connection is held for good */
    public ViewChanges(OrderViews views, DatabaseClient db, ConnectionFactory listenerConnections) {
        this.views = views;
        this.db = db;
        this.listenerConnections = listenerConnections;
    }

    /** Called with the new views after the transaction that changed them committed. */
    public void announce(Collection<OrderView> changed) {
        for (OrderView view : changed) {
            handOver(view.orderId(), Mono.just(view));
            notifyLater(view.orderId());
        }
    }

    /**
     * Follows one order's changes from now on: call it before reading the view, so that no
     * change falls between the read and the first change handed over. Close it when done.
     */
    public Follower follow(UUID orderId) {
        Follower follower = new Follower(orderId);
        followers.compute(orderId, (id, ofOrder) -> {
            Set<Follower> all = ofOrder == null ? ConcurrentHashMap.newKeySet() : ofOrder;
            all.add(follower);
            return all;
        });
        return follower;
    }

    private void handOver(UUID orderId, Mono<OrderView> change) {
        Set<Follower> ofOrder = followers.get(orderId);
        if (ofOrder != null) {
            ofOrder.forEach(follower -> follower.push(change));
        }
    }

    private synchronized void notifyLater(UUID orderId) {
        toNotify.tryEmitNext(orderId);
    }

    @Override
    protected Disposable begin() {
        Disposable notifier = toNotify.asFlux()
                .bufferTimeout(IDS_PER_NOTIFICATION, Duration.ofMillis(20), true)
                .concatMap(ids -> notifyOthers(ids).onErrorResume(error -> {
                    log.warn(
                            "Could not notify other gateway instances of {} change(s): {}",
                            ids.size(),
                            error.toString());
                    return Mono.empty();
                }))
                .subscribe();
        Disposable listener = Flux.usingWhen(listenerConnections.create(), this::listen, Connection::close)
                .repeatWhen(completed -> completed.delayElements(Duration.ofSeconds(1)))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200))
                        .maxBackoff(Duration.ofSeconds(5))
                        .doBeforeRetry(retry -> log.warn(
                                "Listening for view changes failed, reconnecting: {}",
                                retry.failure().toString())))
                .subscribe(this::receive);
        return Disposables.composite(notifier, listener);
    }

    private Mono<Void> notifyOthers(List<UUID> ids) {
        String payload = instance + ":" + ids.stream().map(UUID::toString).collect(Collectors.joining(","));
        return db.sql("SELECT pg_notify(:channel, :payload)")
                .bind("channel", CHANNEL)
                .bind("payload", payload)
                .fetch()
                .rowsUpdated()
                .then();
    }

    private Flux<String> listen(Connection connection) {
        var postgres = (PostgresqlConnection) connection;
        return postgres.createStatement("LISTEN " + CHANNEL)
                .execute()
                .flatMap(result -> result.getRowsUpdated())
                .thenMany(postgres.getNotifications())
                .mapNotNull(notification -> notification.getParameter());
    }

    private void receive(String payload) {
        int separator = payload.indexOf(':');
        if (separator < 0 || payload.substring(0, separator).equals(instance)) {
            return;
        }
        Arrays.stream(payload.substring(separator + 1).split(","))
                .filter(id -> !id.isBlank())
                .map(UUID::fromString)
                .forEach(id -> handOver(id, Mono.defer(() -> views.find(id))));
    }

    /** One stream's hold on an order's changes: each is the new view, or a read of it for another instance's change. */
    public final class Follower implements AutoCloseable {

        private final UUID orderId;
        private final Sinks.Many<Mono<OrderView>> changes =
                Sinks.many().unicast().onBackpressureBuffer();

        private Follower(UUID orderId) {
            this.orderId = orderId;
        }

        /** The views this follower was handed, in the order they came; a re-read may answer nothing. */
        public Flux<OrderView> changes() {
            return changes.asFlux().concatMap(change -> change, 1);
        }

        // Two lanes may commit changes of one order at once: the sink takes one at a time.
        private synchronized void push(Mono<OrderView> change) {
            changes.tryEmitNext(change);
        }

        @Override
        public void close() {
            followers.computeIfPresent(orderId, (id, ofOrder) -> {
                ofOrder.remove(this);
                return ofOrder.isEmpty() ? null : ofOrder;
            });
        }
    }
}
