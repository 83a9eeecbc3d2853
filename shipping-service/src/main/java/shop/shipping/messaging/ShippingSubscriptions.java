package shop.shipping.messaging;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import shop.platform.consumer.EventConsumers;
import shop.platform.consumer.EventHandlers;
import shop.shipping.Dispatcher;

/**
 * Subscribes to {@code payment.events} through the queue {@code payment.events.shipping-service}
 * (binding function {@code paymentEvents}) and to {@code order.events} through
 * {@code order.events.shipping-service} ({@code orderEvents}).
 */
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

    /** Queue order.events.shipping-service: a cancellation starts its unwinding here, at the end of the chain. */
    @Bean
    Consumer<Message<byte[]>> orderEvents(EventConsumers consumers, Dispatcher dispatcher) {
        return consumers.of(EventHandlers.builder()
                .on(
                        "OrderCancellationRequested",
                        1,
                        OrderCancellationRequested.class,
                        requested -> dispatcher.cancel(requested.orderId(), requested.customerId(), requested.reason()))
                .build());
    }
}
