package shop.platform.event;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes and reads the JSON body of the messaging contract: the envelope fields
 * ({@code eventId, type, schemaVersion, orderId, occurredAt, causationId}) followed by the
 * event's own fields. Reading is tolerant: unknown fields are kept in the body and ignored when a
 * handler maps it to its own record.
 */
public final class EventCodec {

    private static final DateTimeFormatter OCCURRED_AT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final Set<String> ENVELOPE_FIELDS =
            Set.of("eventId", "type", "schemaVersion", "orderId", "occurredAt", "causationId");

    private final JsonMapper mapper;

    public EventCodec() {
        this(JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build());
    }

    public EventCodec(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public static String formatTime(Instant instant) {
        return OCCURRED_AT.format(instant);
    }

    public String encode(UUID eventId, OutgoingEvent event, Instant occurredAt, UUID causationId) {
        ObjectNode body = mapper.createObjectNode();
        body.put("eventId", eventId.toString());
        body.put("type", event.type());
        body.put("schemaVersion", event.schemaVersion());
        body.put("orderId", event.orderId().toString());
        body.put("occurredAt", formatTime(occurredAt));
        body.put("causationId", causationId == null ? null : causationId.toString());
        JsonNode fields = mapper.valueToTree(event.fields());
        if (!fields.isObject()) {
            throw new IllegalArgumentException("the fields of " + event.type() + " must be a JSON object");
        }
        fields.properties().forEach(field -> {
            if (!ENVELOPE_FIELDS.contains(field.getKey())) {
                body.set(field.getKey(), field.getValue());
            }
        });
        return mapper.writeValueAsString(body);
    }

    /** Reads a body that arrived through {@code exchange} with the {@code traceparent} header (may be null). */
    public IncomingEvent decode(byte[] payload, String exchange, String traceparent) {
        JsonNode tree;
        try {
            tree = mapper.readTree(payload);
        } catch (JacksonException e) {
            throw new MalformedEventException("body is not JSON: " + e.getOriginalMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new MalformedEventException("body is not a JSON object");
        }
        ObjectNode body = (ObjectNode) tree;
        return new IncomingEvent(
                uuid(body, "eventId", true),
                text(body, "type"),
                schemaVersion(body),
                uuid(body, "orderId", true),
                instant(body),
                uuid(body, "causationId", false),
                exchange,
                TraceParent.parse(traceparent),
                body);
    }

    /** Maps an event's body to the consumer's own record of the fields it reads. */
    public <T> T fields(IncomingEvent event, Class<T> type) {
        try {
            return mapper.treeToValue(event.body(), type);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new MalformedEventException(
                    event.type() + " does not match " + type.getSimpleName() + ": "
                            + (e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage()),
                    e);
        }
    }

    private static String text(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || !node.isString() || node.stringValue().isBlank()) {
            throw new MalformedEventException("missing or invalid '" + field + "'");
        }
        return node.stringValue();
    }

    private static UUID uuid(ObjectNode body, String field, boolean required) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw new MalformedEventException("missing '" + field + "'");
            }
            return null;
        }
        try {
            return UUID.fromString(text(body, field));
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("'" + field + "' is not a UUID", e);
        }
    }

    private static int schemaVersion(ObjectNode body) {
        JsonNode node = body.get("schemaVersion");
        if (node == null || !node.isInt() || node.intValue() < 1) {
            throw new MalformedEventException("missing or invalid 'schemaVersion'");
        }
        return node.intValue();
    }

    private static Instant instant(ObjectNode body) {
        try {
            return Instant.parse(text(body, "occurredAt"));
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("'occurredAt' is not an ISO-8601 instant", e);
        }
    }
}
