package shop.platform.testing;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import shop.platform.event.HeaderNames;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rest of the saga around a service under test, on the test run's vhost: publishes events
 * as their producers' relays would, made from the contract examples, and collects what reaches
 * the queues, so that a test finds the messages about its own order.
 */
public final class TestBroker {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final RabbitTemplate rabbit;
    private final Map<String, List<Message>> receivedByQueue = new HashMap<>();

    public TestBroker(TestInfrastructure infra) {
        this.rabbit = new RabbitTemplate(infra.rabbit());
    }

    /** The contract's example (version 1) of {@code type} on {@code exchange}, as this event about this order. */
    public static ObjectNode example(String exchange, String type, UUID eventId, UUID orderId) {
        ObjectNode event = (ObjectNode) JSON.readTree(Contracts.json(exchange, type, 1));
        event.put("eventId", eventId.toString());
        event.put("orderId", orderId.toString());
        return event;
    }

    /**
     * Publishes an event as its producer's relay would: routing key and message type the event's
     * type, message id its event id, its order id as a header, JSON.
     */
    public void publish(String exchange, JsonNode event) {
        String type = event.get("type").asString();
        var properties = properties(type, event.get("eventId").asString());
        properties.setHeader(HeaderNames.ORDER_ID, event.get("orderId").asString());
        rabbit.send(exchange, type, new Message(JSON.writeValueAsBytes(event), properties));
    }

    /** Publishes any body, well-formed or not, as a message of {@code type} with this message id. */
    public void publish(String exchange, String type, UUID messageId, String body) {
        rabbit.send(
                exchange,
                type,
                new Message(body.getBytes(StandardCharsets.UTF_8), properties(type, messageId.toString())));
    }

    /** Everything that reached the queue so far, kept for later calls (taking a message consumes it). */
    public List<Message> received(String queue) {
        synchronized (receivedByQueue) {
            List<Message> messages = receivedByQueue.computeIfAbsent(queue, name -> new ArrayList<>());
            Message message;
            while ((message = rabbit.receive(queue)) != null) {
                messages.add(message);
            }
            return List.copyOf(messages);
        }
    }

    /** The messages about the order (its id in the body) that reached the queue so far. */
    public List<Message> received(String queue, UUID orderId) {
        return received(queue).stream()
                .filter(message -> orderId.toString().equals(orderIdOf(message)))
                .toList();
    }

    /** The messages of {@code type} about the order that reached the queue so far. */
    public List<Message> received(String queue, UUID orderId, String type) {
        return received(queue, orderId).stream()
                .filter(message -> type.equals(type(message)))
                .toList();
    }

    /** Waits until the queue received {@code count} messages about the order, and returns them. */
    public List<Message> awaitReceived(String queue, UUID orderId, int count) {
        await().atMost(PATIENCE).until(() -> received(queue, orderId).size() >= count);
        return received(queue, orderId);
    }

    /** Waits for the first message of {@code type} about the order in the queue, and returns it. */
    public Message awaitEvent(String queue, UUID orderId, String type) {
        await().atMost(PATIENCE).until(() -> !received(queue, orderId, type).isEmpty());
        return received(queue, orderId, type).get(0);
    }

    public static JsonNode body(Message message) {
        return JSON.readTree(message.getBody());
    }

    public static String type(Message message) {
        return message.getMessageProperties().getType();
    }

    private static String orderIdOf(Message message) {
        try {
            JsonNode orderId = body(message).get("orderId");
            return orderId == null ? null : orderId.asString();
        } catch (JacksonException notJson) {
            return null; // a poison message is about no order
        }
    }

    private static MessageProperties properties(String type, String messageId) {
        var properties = new MessageProperties();
        properties.setMessageId(messageId);
        properties.setType(type);
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        return properties;
    }
}
