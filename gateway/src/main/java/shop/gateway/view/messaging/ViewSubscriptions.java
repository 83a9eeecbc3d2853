package shop.gateway.view.messaging;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import shop.gateway.view.domain.SagaEvent;
import shop.gateway.view.store.ViewProjection;
import shop.platform.consumer.EventConsumer;
import shop.platform.consumer.EventConsumers;
import shop.platform.consumer.EventHandlers;
import shop.platform.consumer.Published;
import shop.platform.event.MalformedEventException;
import shop.platform.topology.TopologyProperties;

/**
 * The view reads every saga event from the {@code <exchange>.gateway} queues, a batch at a time,
 * without the platform's inbox: the timeline's key tells a duplicate from a new event. The four
 * bindings share one consumer, so that an order's events from all services meet in its lane: they
 * are applied one batch after the other and batched together, instead of four transactions that
 * wait on each other's lock of the same view row.
 */
@Configuration(proxyBeanMethods = false)
class ViewSubscriptions {

    private static final List<String> SAGA_EVENTS = List.of(
            "OrderPlaced",
            "OrderConfirmed",
            "OrderCancelled",
            "OrderCancellationRequested",
            "InventoryReserved",
            "InventoryRejected",
            "InventoryReleased",
            "PaymentCompleted",
            "PaymentDeclined",
            "PaymentRefunded",
            "PaymentCancelled",
            "ShipmentScheduled",
            "ShipmentFailed",
            "ShipmentCancelled");

    /** Every service publishes to an exchange of its own, so where an event came from says who sent it. */
    @Bean
    EventConsumer sagaEvents(EventConsumers consumers, ViewProjection projection, TopologyProperties topology) {
        return consumers.of(EventHandlers.builder()
                .onAll(
                        SAGA_EVENTS,
                        1,
                        SagaEvent.class,
                        published -> projection.projectAll(published.stream()
                                .map(event -> withItsProducer(event, topology))
                                .toList()))
                .build());
    }

    @Bean
    Consumer<Message<byte[]>> orderEvents(EventConsumer sagaEvents) {
        return sagaEvents;
    }

    @Bean
    Consumer<Message<byte[]>> inventoryEvents(EventConsumer sagaEvents) {
        return sagaEvents;
    }

    @Bean
    Consumer<Message<byte[]>> paymentEvents(EventConsumer sagaEvents) {
        return sagaEvents;
    }

    @Bean
    Consumer<Message<byte[]>> shippingEvents(EventConsumer sagaEvents) {
        return sagaEvents;
    }

    private static SagaEvent withItsProducer(Published<SagaEvent> published, TopologyProperties topology) {
        String producer = topology.producerOf(published.exchange())
                .orElseThrow(() -> new MalformedEventException("an event from exchange " + published.exchange()
                        + ", which no service of the shop publishes to"));
        return published.fields().publishedBy(producer);
    }
}
