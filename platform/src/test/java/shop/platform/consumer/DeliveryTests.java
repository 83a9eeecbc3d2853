package shop.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import shop.platform.event.HeaderNames;

/** Where a delivery came from: the exchange it was published to is its producer's. */
class DeliveryTests {

    @Test
    void aMessageNamesTheExchangeItWasPublishedTo() {
        MessageProperties properties = new MessageProperties();
        properties.setReceivedExchange("payment.events");

        assertThat(delivery(properties).exchange()).isEqualTo("payment.events");
    }

    @Test
    void aReplayedDeadLetterNamesTheExchangeItWasFirstPublishedTo() {
        // a replay goes straight to the queue through the default exchange
        MessageProperties properties = new MessageProperties();
        properties.setReceivedExchange("");
        properties.setHeader(HeaderNames.ORIGINAL_EXCHANGE, "payment.events");

        assertThat(delivery(properties).exchange()).isEqualTo("payment.events");
    }

    private static Delivery delivery(MessageProperties properties) {
        return new Delivery(null, 1, "payment.events.gateway", new Message(new byte[0], properties));
    }
}
