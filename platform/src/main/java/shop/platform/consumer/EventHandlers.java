package shop.platform.consumer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import shop.platform.event.EventCodec;
import shop.platform.event.IncomingEvent;
import shop.platform.event.MalformedEventException;

/**
 * What a consumer does with each event type it subscribes to. A handler receives the consumer's
 * own record of the fields it reads; its database work joins the transaction of the batch the
 * event arrived in. Types nobody registered are acknowledged and ignored.
 *
 * <p>Handlers come in two kinds, one per consumer: event by event ({@link Builder#on}), each
 * event recorded in the platform's inbox first, or a whole batch at once ({@link Builder#onAll})
 * for a consumer whose own writes tell a duplicate from a new event.
 */
public final class EventHandlers {

    private final Map<String, Registration<?>> byType;
    private final BatchRegistration<?> batch;

    private EventHandlers(Map<String, Registration<?>> byType, BatchRegistration<?> batch) {
        this.byType = Map.copyOf(byType);
        this.batch = batch;
    }

    public static Builder builder() {
        return new Builder();
    }

    boolean handles(String type) {
        return batch != null ? batch.types().contains(type) : byType.containsKey(type);
    }

    Set<String> types() {
        return batch != null ? Set.copyOf(batch.types()) : byType.keySet();
    }

    /** True when the batch goes to one set-based handler, without the platform's inbox. */
    boolean setBased() {
        return batch != null;
    }

    Mono<Void> handle(IncomingEvent event, EventCodec codec) {
        Registration<?> registration = byType.get(event.type());
        return Mono.defer(() -> registration.apply(event, codec));
    }

    Mono<Void> handleAll(List<IncomingEvent> events, EventCodec codec) {
        return Mono.defer(() -> batch.apply(events, codec));
    }

    private static void checkVersion(IncomingEvent event, int schemaVersion) {
        if (event.schemaVersion() != schemaVersion) {
            throw new MalformedEventException("no handler for " + event.type() + " version " + event.schemaVersion()
                    + " (this consumer reads version " + schemaVersion + ")");
        }
    }

    private record Registration<T>(int schemaVersion, Class<T> fieldsType, Function<T, Mono<?>> handler) {

        Mono<Void> apply(IncomingEvent event, EventCodec codec) {
            checkVersion(event, schemaVersion);
            return handler.apply(codec.fields(event, fieldsType)).then();
        }
    }

    private record BatchRegistration<T>(
            List<String> types, int schemaVersion, Class<T> fieldsType, Function<List<Published<T>>, Mono<?>> handler) {

        Mono<Void> apply(List<IncomingEvent> events, EventCodec codec) {
            List<Published<T>> published = new ArrayList<>(events.size());
            for (IncomingEvent event : events) {
                checkVersion(event, schemaVersion);
                published.add(new Published<>(event.exchange(), codec.fields(event, fieldsType)));
            }
            return handler.apply(published).then();
        }
    }

    public static final class Builder {

        private final Map<String, Registration<?>> byType = new HashMap<>();
        private BatchRegistration<?> batch;

        /** Handles version {@code schemaVersion} of {@code type}; other versions of it are malformed here. */
        public <T> Builder on(String type, int schemaVersion, Class<T> fieldsType, Function<T, Mono<?>> handler) {
            if (batch != null) {
                throw new IllegalStateException("a consumer handles events either one by one or all at once");
            }
            if (byType.putIfAbsent(type, new Registration<>(schemaVersion, fieldsType, handler)) != null) {
                throw new IllegalArgumentException("two handlers for " + type);
            }
            return this;
        }

        /**
         * Hands all events of these types in a batch to one call, inside the batch's transaction,
         * in arrival order per order. They skip the platform's inbox: the handler's own writes
         * must make a redelivered or duplicated event harmless. If the call fails, the events are
         * tried again one by one (lists of one), and one that fails on its own is dead-lettered.
         */
        public <T> Builder onAll(
                Collection<String> types,
                int schemaVersion,
                Class<T> fieldsType,
                Function<List<Published<T>>, Mono<?>> handler) {
            if (batch != null || !byType.isEmpty()) {
                throw new IllegalStateException("a consumer handles events either one by one or all at once");
            }
            batch = new BatchRegistration<>(List.copyOf(types), schemaVersion, fieldsType, handler);
            return this;
        }

        public EventHandlers build() {
            return new EventHandlers(byType, batch);
        }
    }
}
