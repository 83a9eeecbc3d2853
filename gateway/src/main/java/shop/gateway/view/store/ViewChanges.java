package shop.gateway.view.store;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
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
import shop.platform.BackgroundWork;

/**
 * Tells live streams that an order's view changed, on every gateway instance. A change is
 * announced in-process at once; other instances learn of it through PostgreSQL's
 * {@code LISTEN/NOTIFY} on the gateway's database. Changes are batched into one notification
 * every few milliseconds, because each {@code NOTIFY} takes a lock at commit that every
 * database of the cluster waits on. A notification is a hint to re-read the view, never data.
 */
public class ViewChanges extends BackgroundWork {

    private static final Logger log = LoggerFactory.getLogger(ViewChanges.class);
    private static final String CHANNEL = "order_view_changes";
    // A notification payload must stay under 8000 bytes: ~200 ids of 37 characters.
    private static final int IDS_PER_NOTIFICATION = 150;

    private final String instance = UUID.randomUUID().toString();
    private final Sinks.Many<UUID> local = Sinks.many().multicast().directBestEffort();
    private final Sinks.Many<UUID> toNotify = Sinks.many().unicast().onBackpressureBuffer();
    private final DatabaseClient db;
    private final ConnectionFactory listenerConnections;

    /** @param listenerConnections a non-pooled factory: the listening connection is held for good */
    public ViewChanges(DatabaseClient db, ConnectionFactory listenerConnections) {
        this.db = db;
        this.listenerConnections = listenerConnections;
    }

    /** Called after the transaction that changed the order's view committed. */
    public synchronized void announce(UUID orderId) {
        local.tryEmitNext(orderId);
        toNotify.tryEmitNext(orderId);
    }

    /** The changes of one order from now on (subscribe before reading the view, to miss none). */
    public Flux<UUID> of(UUID orderId) {
        return local.asFlux().filter(orderId::equals);
    }

    @Override
    protected Disposable begin() {
        Disposable notifier = toNotify.asFlux()
                .bufferTimeout(IDS_PER_NOTIFICATION, Duration.ofMillis(20))
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
                .forEach(id -> {
                    synchronized (this) {
                        local.tryEmitNext(id);
                    }
                });
    }
}
