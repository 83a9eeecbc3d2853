package shop.platform.publish;

import org.springframework.amqp.core.Message;

/** One message to publish, and where to. */
public record Publication(String exchange, String routingKey, Message message) {}
