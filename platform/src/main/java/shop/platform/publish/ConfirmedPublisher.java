package shop.platform.publish;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes messages with {@code mandatory} and waits for the broker's confirms. A message
 * counts as published only if the broker confirmed it and did not return it: a returned message
 * reached no queue, and an unroutable event would be a lost one.
 */
public class ConfirmedPublisher {

    private static final Logger log = LoggerFactory.getLogger(ConfirmedPublisher.class);

    private final RabbitTemplate template;
    private final Duration confirmTimeout;

    public ConfirmedPublisher(RabbitTemplate template, Duration confirmTimeout) {
        if (!template.getConnectionFactory().isPublisherConfirms()
                || !template.getConnectionFactory().isPublisherReturns()) {
            throw new IllegalStateException(
                    "publisher confirms and returns must be on: spring.rabbitmq.publisher-confirm-type=correlated, spring.rabbitmq.publisher-returns=true");
        }
        template.setMandatory(true);
        template.setReturnsCallback(returned -> log.warn(
                "Broker returned a message as unroutable ({} {}): exchange {}, routing key {}",
                returned.getReplyCode(),
                returned.getReplyText(),
                returned.getExchange(),
                returned.getRoutingKey()));
        this.template = template;
        this.confirmTimeout = confirmTimeout;
    }

    /** Publishes a batch; the answer says, in order, which messages were confirmed and routed. */
    public Mono<List<Boolean>> publish(List<Publication> batch) {
        return Mono.fromCallable(() -> send(batch))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(pending -> Flux.fromIterable(pending)
                        .concatMap(correlation -> Mono.fromFuture(correlation.getFuture())
                                .map(confirm -> confirm.ack() && correlation.getReturned() == null))
                        .collectList())
                .timeout(confirmTimeout);
    }

    public Mono<Void> publishOne(Publication publication) {
        return publish(List.of(publication))
                .flatMap(confirmed -> confirmed.get(0) ? Mono.empty() : Mono.error(new UnconfirmedPublishException(1)));
    }

    // The client writes to its socket synchronously, hence the bounded-elastic thread above.
    private List<CorrelationData> send(List<Publication> batch) {
        return batch.stream()
                .map(publication -> {
                    var correlation = new CorrelationData(
                            publication.message().getMessageProperties().getMessageId());
                    template.send(publication.exchange(), publication.routingKey(), publication.message(), correlation);
                    return correlation;
                })
                .toList();
    }
}
