package shop.platform.event;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/**
 * An event as a consumer received it: the envelope fields of the contract, the exchange it was
 * published to (its producer's), the W3C trace context it travelled with, and the whole JSON body
 * for the handler to read its own fields from.
 */
public record IncomingEvent(
        UUID eventId,
        String type,
        int schemaVersion,
        UUID orderId,
        Instant occurredAt,
        UUID causationId,
        String exchange,
        TraceParent traceParent,
        ObjectNode body) {}
