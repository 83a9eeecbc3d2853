package shop.platform.deadletter;

import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.lang.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code /actuator/deadletters}: the dead letters of every queue of the topology, with their
 * cause and order id, and their replay. A replayed message goes back to the one queue it failed
 * in, where the handler's inbox makes a second delivery harmless. Exposed by the services, which
 * listen on 127.0.0.1 only, never by the gateway.
 */
@Endpoint(id = "deadletters")
public class DeadLetterEndpoint {

    private final DeadLetterQueues queues;

    public DeadLetterEndpoint(DeadLetterQueues queues) {
        this.queues = queues;
    }

    @ReadOperation
    public Mono<Map<String, List<DeadLetter>>> list() {
        return Mono.fromCallable(queues::list).subscribeOn(Schedulers.boundedElastic());
    }

    /** Replays the dead letters of {@code queue} (its consumer queue's name), or only {@code messageId}. */
    @WriteOperation
    public Mono<Map<String, Integer>> replay(@Selector String queue, @Nullable String messageId) {
        return Mono.fromCallable(() -> Map.of("replayed", queues.replay(queue, messageId)))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
