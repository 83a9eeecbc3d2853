package shop.inventory.messaging;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import reactor.core.publisher.Mono;
import shop.inventory.Stock;
import shop.platform.consumer.EventConsumers;
import shop.platform.consumer.EventHandlers;

/** The queues inventory reads (bindings orderEvents-in-0 and paymentEvents-in-0) and what each event does. */
@Configuration(proxyBeanMethods = false)
class InventorySubscriptions {

    /** Queue order.events.inventory-service. */
    @Bean
    Consumer<Message<byte[]>> orderEvents(EventConsumers consumers, Stock stock) {
        return consumers.of(EventHandlers.builder()
                .on(
                        "OrderPlaced",
                        1,
                        OrderPlaced.class,
                        placed -> stock.reserve(
                                placed.orderId(), placed.customerId(), placed.lines(), placed.shippingAddress()))
                .on("OrderConfirmed", 1, OrderConfirmed.class, confirmed -> stock.sell(confirmed.orderId()))
                .build());
    }

    /** Queue payment.events.inventory-service. */
    @Bean
    Consumer<Message<byte[]>> paymentEvents(EventConsumers consumers, Stock stock) {
        return consumers.of(EventHandlers.builder()
                .on("PaymentDeclined", 1, PaymentReversed.class, reversed -> release(stock, reversed))
                .on("PaymentRefunded", 1, PaymentReversed.class, reversed -> release(stock, reversed))
                .on(
                        "PaymentCancelled",
                        1,
                        PaymentCancelled.class,
                        cancelled ->
                                stock.cancel(cancelled.orderId(), cancelled.customerId(), cancelled.failureReason()))
                .build());
    }

    private static Mono<Void> release(Stock stock, PaymentReversed reversed) {
        return stock.release(reversed.orderId(), reversed.failureReason());
    }
}
