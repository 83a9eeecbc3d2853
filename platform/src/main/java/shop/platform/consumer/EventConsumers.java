package shop.platform.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.transaction.reactive.TransactionalOperator;
import shop.platform.MessagingProperties;
import shop.platform.event.EventCodec;
import shop.platform.inbox.Inbox;
import shop.platform.publish.ConfirmedPublisher;

/**
 * Makes the binding functions of a service. A service declares one per subscribed queue:
 *
 * <pre>{@code
 * @Bean
 * Consumer<Message<byte[]>> orderEvents(EventConsumers consumers, Stock stock) {
 *     return consumers.of(EventHandlers.builder()
 *             .on("OrderPlaced", 1, OrderPlaced.class, stock::reserve)
 *             .build());
 * }
 * }</pre>
 */
public class EventConsumers {

    private final EventCodec codec;
    private final Inbox inbox;
    private final TransactionalOperator transaction;
    private final DeadLetters deadLetters;
    private final DeliveriesInFlight inFlight;
    private final MessagingProperties.Consumer settings;
    private final MeterRegistry meters;
    private final Acknowledgements acknowledgements = new Acknowledgements();

    public EventConsumers(
            EventCodec codec,
            Inbox inbox,
            TransactionalOperator transaction,
            ConfirmedPublisher publisher,
            DeliveriesInFlight inFlight,
            MessagingProperties.Consumer settings,
            MeterRegistry meters) {
        this.codec = codec;
        this.inbox = inbox;
        this.transaction = transaction;
        this.deadLetters = new DeadLetters(publisher);
        this.inFlight = inFlight;
        this.settings = settings;
        this.meters = meters;
    }

    public EventConsumer of(EventHandlers handlers) {
        return new EventConsumer(
                handlers, codec, inbox, transaction, deadLetters, inFlight, settings, meters, acknowledgements);
    }
}
