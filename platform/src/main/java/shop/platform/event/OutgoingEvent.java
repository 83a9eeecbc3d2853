package shop.platform.event;

import java.util.Objects;
import java.util.UUID;

/**
 * An event a service wants to publish: its wire type, schema version, the order it belongs to,
 * and its own fields. The platform adds the envelope (event id, time, causation, trace) when
 * the event enters the outbox.
 *
 * @param fields a record or map whose properties become the event's own JSON fields
 */
public record OutgoingEvent(String type, int schemaVersion, UUID orderId, Object fields) {

    public OutgoingEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(fields, "fields");
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion must be at least 1");
        }
    }
}
