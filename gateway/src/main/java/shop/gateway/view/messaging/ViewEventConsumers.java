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

/** The view reads every saga event from the {@code <exchange>.gateway} queues. */
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
        var handlers = EventHandlers.builder();
        types.forEach(type -> handlers.on(type, 1, SagaEvent.class, projection::project));
        return consumers.of(handlers.build());
    }
}
