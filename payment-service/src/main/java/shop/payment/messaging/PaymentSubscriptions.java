package shop.payment.messaging;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import shop.payment.Cashier;
import shop.platform.consumer.EventConsumers;
import shop.platform.consumer.EventHandlers;

/** The events payment reacts to: one binding per subscribed queue (see application.yml). */
@Configuration(proxyBeanMethods = false)
class PaymentSubscriptions {

    /** Queue inventory.events.payment-service. */
    @Bean
    Consumer<Message<byte[]>> inventoryEvents(EventConsumers consumers, Cashier cashier) {
        return consumers.of(EventHandlers.builder()
                .on("InventoryReserved", 1, InventoryReserved.class, reserved -> cashier.charge(reserved.toCharge()))
                .build());
    }

    /** Queue shipping.events.payment-service. */
    @Bean
    Consumer<Message<byte[]>> shippingEvents(EventConsumers consumers, Cashier cashier) {
        return consumers.of(EventHandlers.builder()
                .on(
                        "ShipmentFailed",
                        1,
                        ShipmentFailed.class,
                        failed -> cashier.refund(failed.orderId(), failed.failureReason()))
                .on(
                        "ShipmentCancelled",
                        1,
                        ShipmentCancelled.class,
                        cancelled ->
                                cashier.cancel(cancelled.orderId(), cancelled.customerId(), cancelled.failureReason()))
                .build());
    }
}
