package shop.order;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import shop.platform.testing.Contracts;
import shop.platform.testing.TestInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Publishes the saga's events as their producers would, and reads what order-service published. */
public final class Broker {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RabbitTemplate rabbit;
    private final Map<String, List<Message>> receivedByQueue = new HashMap<>();

    public Broker(TestInfrastructure infra) {
        this.rabbit = new RabbitTemplate(infra.rabbit());
    }

    /** Publishes the contract's example of {@code type} for {@code orderId} under {@code eventId}. */
    public void publish(String exchange, String type, UUID eventId, UUID orderId) {
        var body = (ObjectNode) JSON.readTree(Contracts.json(exchange, type, 1));
        body.put("eventId", eventId.toString());
        body.put("orderId", orderId.toString());
        var properties = new MessageProperties();
        properties.setMessageId(eventId.toString());
        properties.setType(type);
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        rabbit.send(
                exchange,
                type,
                new Message(JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8), properties));
    }

    /** Every message of {@code type} about {@code orderId} that reached {@code queue} so far. */
    public synchronized List<Message> received(String queue, String type, UUID orderId) {
        List<Message> received = receivedByQueue.computeIfAbsent(queue, name -> new ArrayList<>());
        Message message;
        while ((message = rabbit.receive(queue)) != null) {
            received.add(message);
        }
        return received.stream()
                .filter(m -> type.equals(m.getMessageProperties().getType()))
                .filter(m -> orderId.toString().equals(m.getMessageProperties().getHeader("orderId")))
                .toList();
    }

    public static JsonNode body(Message message) {
        return JSON.readTree(message.getBody());
    }
}
