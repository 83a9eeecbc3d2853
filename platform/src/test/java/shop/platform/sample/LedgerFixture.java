package shop.platform.sample;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import shop.platform.testing.TestInfrastructure;

/** Starts ledger services on a test run's infrastructure and talks to them over the broker. */
public final class LedgerFixture {

    private final TestInfrastructure infra;
    private final RabbitTemplate rabbit;
    private final RabbitAdmin admin;

    public LedgerFixture(TestInfrastructure infra) {
        this.infra = infra;
        var connectionFactory = infra.rabbit();
        this.rabbit = new RabbitTemplate(connectionFactory);
        this.admin = new RabbitAdmin(connectionFactory);
    }

    public ConfigurableApplicationContext start(Map<String, Object> properties) {
        return infra.start(LedgerApplication.builder(), properties);
    }

    public ConfigurableApplicationContext start() {
        return start(infra.serviceProperties("ledger"));
    }

    public TestInfrastructure.Database database() {
        return infra.database("ledger");
    }

    public RabbitTemplate rabbit() {
        return rabbit;
    }

    public RabbitAdmin admin() {
        return admin;
    }

    public static String amountBooked(UUID eventId, UUID orderId, int amount, int failures) {
        return """
                {"eventId":"%s","type":"AmountBooked","schemaVersion":1,"orderId":"%s",
                 "occurredAt":"2026-11-27T10:00:00.000Z","causationId":null,"amount":%d,"failures":%d,
                 "aFieldThisConsumerDoesNotKnow":true}""".formatted(eventId, orderId, amount, failures);
    }

    /** Publishes a raw body as the contract's message would travel, straight to the ledger's queue. */
    public void publish(String messageId, String body) {
        var properties = new MessageProperties();
        properties.setMessageId(messageId);
        properties.setType("AmountBooked");
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setHeader("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        var orderId =
                java.util.regex.Pattern.compile("\"orderId\":\"([^\"]+)\"").matcher(body);
        if (orderId.find()) {
            properties.setHeader("orderId", orderId.group(1));
        }
        rabbit.send(
                LedgerApplication.EXCHANGE,
                "AmountBooked",
                new Message(body.getBytes(StandardCharsets.UTF_8), properties));
    }

    public UUID book(int amount, int failures) {
        UUID eventId = UUID.randomUUID();
        publish(eventId.toString(), amountBooked(eventId, UUID.randomUUID(), amount, failures));
        return eventId;
    }

    public long ledgerEntries() {
        return count("SELECT count(*) FROM ledger_entry");
    }

    public long pendingOutboxRows() {
        return count("SELECT count(*) FROM platform.outbox WHERE sent_at IS NULL");
    }

    public long count(String sql) {
        return database().count(sql);
    }

    public long messagesIn(String queue) {
        var info = admin.getQueueInfo(queue);
        return info == null ? 0 : info.getMessageCount();
    }

    /** Takes every message now ready in a queue. */
    public List<Message> drain(String queue) {
        List<Message> messages = new ArrayList<>();
        Message message;
        while ((message = rabbit.receive(queue)) != null) {
            messages.add(message);
        }
        return messages;
    }

    public static String body(Message message) {
        return new String(message.getBody(), StandardCharsets.UTF_8);
    }
}
