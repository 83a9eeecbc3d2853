package shop.order.messaging;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import shop.order.OrderProgress;
import shop.platform.consumer.EventConsumers;
import shop.platform.consumer.EventHandlers;

/**
 * The outcomes that end an order's saga, one binding per subscribed queue. Each handler runs in
 * the consumer's transaction, with the event recorded in the inbox.
 */
@Configuration
class OrderSubscriptions {

    /** Queue inventory.events.order-service: a rejection, or the release ending a compensation. */
    @Bean
    Consumer<Message<byte[]>> inventoryEvents(EventConsumers consumers, OrderProgress progress) {
        return consumers.of(EventHandlers.builder()
                .on(
                        "InventoryRejected",
                        1,
                        InventoryRejected.class,
                        event -> progress.apply(
                                event.orderId(), (order, at) -> order.noteInventoryRejected(event.failureReason(), at)))
                .on(
                        "InventoryReleased",
                        1,
                        InventoryReleased.class,
                        event -> progress.apply(
                                event.orderId(), (order, at) -> order.noteInventoryReleased(event.failureReason(), at)))
                .build());
    }

    /** Queue shipping.events.order-service: the shipment that completes the saga. */
    @Bean
    Consumer<Message<byte[]>> shippingEvents(EventConsumers consumers, OrderProgress progress) {
        return consumers.of(EventHandlers.builder()
                .on(
                        "ShipmentScheduled",
                        1,
                        ShipmentScheduled.class,
                        event -> progress.apply(event.orderId(), (order, at) -> order.noteShipmentScheduled(at)))
                .build());
    }
}
