package shop.platform.sample;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import shop.platform.event.OutgoingEvent;
import shop.platform.outbox.Outbox;

/** Records a booked amount and announces it, in the consumer's transaction. */
public class Ledger {

    private final DatabaseClient db;
    private final Outbox outbox;
    private final Map<UUID, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Set<UUID> refusedOrders = ConcurrentHashMap.newKeySet();
    private final Map<UUID, Sinks.Empty<Void>> heldOrders = new ConcurrentHashMap<>();

    Ledger(DatabaseClient db, Outbox outbox) {
        this.db = db;
        this.outbox = outbox;
    }

    /** Fails every booking of the order until {@link #accept} (a bug, then its fix). */
    public void refuse(UUID orderId) {
        refusedOrders.add(orderId);
    }

    public void accept(UUID orderId) {
        refusedOrders.remove(orderId);
    }

    /** Makes every booking of the order wait, inside its transaction, until {@link #release}. */
    public void hold(UUID orderId) {
        heldOrders.put(orderId, Sinks.empty());
    }

    public void release(UUID orderId) {
        heldOrders.remove(orderId).tryEmitEmpty();
    }

    public int attempts(UUID eventId) {
        return attempts.getOrDefault(eventId, new AtomicInteger()).get();
    }

    Mono<Void> book(AmountBooked booked) {
        int attempt = attempts.computeIfAbsent(booked.eventId(), id -> new AtomicInteger())
                .incrementAndGet();
        if (booked.failures() < 0 || attempt <= booked.failures() || refusedOrders.contains(booked.orderId())) {
            return Mono.error(
                    new IllegalStateException("the ledger refuses attempt " + attempt + " of " + booked.eventId()));
        }
        Sinks.Empty<Void> held = heldOrders.get(booked.orderId());
        Mono<Void> wait = held == null ? Mono.empty() : held.asMono();
        return wait.then(db.sql(
                        "INSERT INTO ledger_entry (event_id, order_id, amount) VALUES (:eventId, :orderId, :amount)")
                .bind("eventId", booked.eventId())
                .bind("orderId", booked.orderId())
                .bind("amount", booked.amount())
                .then()
                .then(outbox.append(
                        new OutgoingEvent("AmountRecorded", 1, booked.orderId(), Map.of("amount", booked.amount())))));
    }
}
