package shop.gateway.view.messaging;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import shop.gateway.view.SagaEvent;
import shop.gateway.view.store.ViewProjection;
import shop.platform.consumer.EventConsumers;
import shop.platform.consumer.EventHandlers;

/**
 * The view reads every saga event from the {@code <exchange>.gateway} queues, a batch at a time,
 * without the platform's inbox: the timeline's key tells a duplicate from a new event.
 */
@Configuration(proxyBeanMethods = false)
class ViewEventConsumers {

    @Bean
    Consumer<Message<byte[]>> orderEvents(EventConsumers consumers, ViewProjection projection) {
        return consumer(consumers, projection, List.of("OrderPlaced", "OrderConfirmed", "OrderCancelled"));
    }

    @Bean
    Consumer<Message<byte[]>> inventoryEvents(EventConsumers consumers, ViewProjection projection) {
        return consumer(consumers, projection, List.of("InventoryReserved", "InventoryRejected", "InventoryReleased"));
    }

    @Bean
    Consumer<Message<byte[]>> paymentEvents(EventConsumers consumers, ViewProjection projection) {
        return consumer(consumers, projection, List.of("PaymentCompleted", "PaymentDeclined", "PaymentRefunded"));
    }

    @Bean
    Consumer<Message<byte[]>> shippingEvents(EventConsumers consumers, ViewProjection projection) {
        return consumer(consumers, projection, List.of("ShipmentScheduled", "ShipmentFailed"));
    }

    private static Consumer<Message<byte[]>> consumer(
            EventConsumers consumers, ViewProjection projection, List<String> types) {
        return consumers.of(EventHandlers.builder()
                .onAll(types, 1, SagaEvent.class, projection::projectAll)
                .build());
    }
}
