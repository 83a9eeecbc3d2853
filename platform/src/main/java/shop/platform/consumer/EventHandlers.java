package shop.platform.consumer;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import shop.platform.event.EventCodec;
import shop.platform.event.IncomingEvent;
import shop.platform.event.MalformedEventException;

/**
 * What a consumer does with each event type it subscribes to. A handler receives the consumer's
 * own record of the fields it reads; its database work joins the transaction that also records
 * the event in the inbox. Types nobody registered are acknowledged and ignored.
 */
public final class EventHandlers {

    private final Map<String, Registration<?>> byType;

    private EventHandlers(Map<String, Registration<?>> byType) {
        this.byType = Map.copyOf(byType);
    }

    public static Builder builder() {
        return new Builder();
    }

    boolean handles(String type) {
        return byType.containsKey(type);
    }

    Mono<Void> handle(IncomingEvent event, EventCodec codec) {
        Registration<?> registration = byType.get(event.type());
        if (registration.schemaVersion() != event.schemaVersion()) {
            return Mono.error(new MalformedEventException("no handler for " + event.type() + " version "
                    + event.schemaVersion() + " (this consumer reads version " + registration.schemaVersion() + ")"));
        }
        return registration.apply(event, codec);
    }

    private record Registration<T>(int schemaVersion, Class<T> fieldsType, Function<T, Mono<?>> handler) {

        Mono<Void> apply(IncomingEvent event, EventCodec codec) {
            return Mono.defer(() -> handler.apply(codec.fields(event, fieldsType)))
                    .then();
        }
    }

    public static final class Builder {

        private final Map<String, Registration<?>> byType = new HashMap<>();

        /** Handles version {@code schemaVersion} of {@code type}; other versions of it are malformed here. */
        public <T> Builder on(String type, int schemaVersion, Class<T> fieldsType, Function<T, Mono<?>> handler) {
            if (byType.putIfAbsent(type, new Registration<>(schemaVersion, fieldsType, handler)) != null) {
                throw new IllegalArgumentException("two handlers for " + type);
            }
            return this;
        }

        public EventHandlers build() {
            return new EventHandlers(byType);
        }
    }
}
