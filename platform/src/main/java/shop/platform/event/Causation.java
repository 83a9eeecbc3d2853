package shop.platform.event;

import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * What caused the work in progress: the event being handled (its id becomes the outgoing events'
 * {@code causationId}) and the trace it belongs to. It travels in the Reactor context, put there
 * by the consumer or by the HTTP edge, so that handlers need not pass it along by hand.
 */
public record Causation(UUID eventId, TraceParent traceParent) {

    private static final Object KEY = Causation.class;

    public static Context put(Context context, Causation causation) {
        return context.put(KEY, causation);
    }

    public static Mono<Optional<Causation>> current() {
        return Mono.deferContextual(context -> Mono.just(from(context)));
    }

    static Optional<Causation> from(ContextView context) {
        return context.getOrEmpty(KEY);
    }
}
