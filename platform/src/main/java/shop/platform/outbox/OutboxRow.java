package shop.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import shop.platform.event.HeaderNames;
import shop.platform.publish.Publication;

/** One event of the outbox as the relay publishes it: the row's id and the message's contents. */
record OutboxRow(
        long id,
        UUID eventId,
        String exchange,
        String type,
        int schemaVersion,
        UUID orderId,
        UUID causationId,
        String traceparent,
        Instant occurredAt,
        String body) {

    OutboxRow withId(long newId) {
        return new OutboxRow(
                newId, eventId, exchange, type, schemaVersion, orderId, causationId, traceparent, occurredAt, body);
    }

    Publication publication() {
        var properties = new MessageProperties();
        properties.setMessageId(eventId.toString());
        properties.setType(type);
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setContentEncoding("UTF-8");
        properties.setTimestamp(Date.from(occurredAt));
        properties.setHeader(HeaderNames.ORDER_ID, orderId.toString());
        if (causationId != null) {
            properties.setHeader(HeaderNames.CAUSATION_ID, causationId.toString());
        }
        properties.setHeader(HeaderNames.SCHEMA_VERSION, schemaVersion);
        properties.setHeader(HeaderNames.TRACEPARENT, traceparent);
        return new Publication(exchange, type, new Message(body.getBytes(StandardCharsets.UTF_8), properties));
    }
}
