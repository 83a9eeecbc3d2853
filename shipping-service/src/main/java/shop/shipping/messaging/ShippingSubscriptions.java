package shop.shipping.messaging;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import shop.platform.consumer.EventConsumers;
import shop.platform.consumer.EventHandlers;
import shop.shipping.Dispatcher;

/** Subscribes to {@code payment.events} through the queue {@code payment.events.shipping-service} (binding function {@code paymentEvents}). */
@Configuration(proxyBeanMethods = false)
class ShippingSubscriptions {

    @Bean
    Consumer<Message<byte[]>> paymentEvents(EventConsumers consumers, Dispatcher dispatcher) {
        return consumers.of(EventHandlers.builder()
                .on(
                        "PaymentCompleted",
                        1,
                        PaymentCompleted.class,
                        paid -> dispatcher.paymentCompleted(paid.orderId(), paid.destination()))
                .build());
    }
}
