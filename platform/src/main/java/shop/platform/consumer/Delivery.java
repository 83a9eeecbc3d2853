package shop.platform.consumer;

import com.rabbitmq.client.Channel;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.ChannelProxy;
import org.springframework.amqp.support.AmqpHeaders;
import org.springframework.integration.IntegrationMessageHeaderAccessor;
import org.springframework.messaging.MessageHeaders;
import shop.platform.event.HeaderNames;

/**
 * One message held unacknowledged, with the channel it arrived on. The channel is the broker
 * channel itself, not Spring's caching proxy: once it closes, its delivery tag means nothing, and
 * the proxy would send a stale tag on a fresh channel. A message on a closed channel is
 * redelivered by the broker, so it is simply let go.
 */
record Delivery(Channel channel, long tag, String queue, Message message) {

    static Delivery of(org.springframework.messaging.Message<byte[]> message) {
        MessageHeaders headers = message.getHeaders();
        Channel channel = headers.get(AmqpHeaders.CHANNEL, Channel.class);
        Long tag = headers.get(AmqpHeaders.DELIVERY_TAG, Long.class);
        String queue = headers.get(AmqpHeaders.CONSUMER_QUEUE, String.class);
        Message raw = headers.get(IntegrationMessageHeaderAccessor.SOURCE_DATA, Message.class);
        if (channel == null || tag == null || queue == null || raw == null) {
            throw new IllegalStateException(
                    "a delivery needs the binder's manual acknowledge mode (channel, delivery tag, queue and source message headers)");
        }
        if (channel instanceof ChannelProxy proxy) {
            channel = proxy.getTargetChannel();
        }
        return new Delivery(channel, tag, queue, raw);
    }

    boolean held() {
        return channel.isOpen();
    }

    /**
     * The exchange the message was published to: its producer's. A replayed dead letter comes
     * straight to its queue (the default exchange) and names the first one in a header.
     */
    String exchange() {
        MessageProperties properties = message.getMessageProperties();
        String received = properties.getReceivedExchange();
        Object original = properties.getHeaders().get(HeaderNames.ORIGINAL_EXCHANGE);
        return (received == null || received.isEmpty()) && original != null ? original.toString() : received;
    }

    String traceparent() {
        Object value = message.getMessageProperties().getHeaders().get(HeaderNames.TRACEPARENT);
        return value == null ? null : value.toString();
    }

    /** The lane of the message's order, so that one order's messages are handled one after the other. */
    int lane(int lanes) {
        Object orderId = message.getMessageProperties().getHeaders().get(HeaderNames.ORDER_ID);
        Object key = orderId != null ? orderId : message.getMessageProperties().getMessageId();
        return key == null ? 0 : Math.floorMod(key.hashCode(), lanes);
    }

    String deadLetterQueue() {
        return queue + ".dlq";
    }
}
