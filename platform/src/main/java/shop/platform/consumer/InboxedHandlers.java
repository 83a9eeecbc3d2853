package shop.platform.consumer;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import shop.platform.event.Causation;
import shop.platform.event.EventCodec;
import shop.platform.event.IncomingEvent;
import shop.platform.event.TraceParent;
import shop.platform.inbox.Inbox;

/**
 * A binding's handlers behind the inbox, so that each event takes effect once: within the
 * caller's transaction, one statement records the whole batch's events and tells which are new,
 * then the handlers do the new ones' work in the batch's order. Handlers that tell duplicates
 * apart by their own writes ({@link EventHandlers#setBased()}) take the batch in one call instead.
 */
final class InboxedHandlers {

    private final EventHandlers handlers;
    private final EventCodec codec;
    private final Inbox inbox;

    InboxedHandlers(EventHandlers handlers, EventCodec codec, Inbox inbox) {
        this.handlers = handlers;
        this.codec = codec;
        this.inbox = inbox;
    }

    Set<String> types() {
        return handlers.types();
    }

    /** Applies the batch and answers each message's outcome, in the batch's order. */
    Mono<List<Outcome>> apply(List<Received> batch) {
        if (handlers.setBased()) {
            List<IncomingEvent> handled = batch.stream()
                    .map(Received::event)
                    .filter(event -> handlers.handles(event.type()))
                    .toList();
            List<Outcome> outcomes = batch.stream()
                    .map(received -> handlers.handles(received.event().type()) ? Outcome.HANDLED : Outcome.IGNORED)
                    .toList();
            return (handled.isEmpty() ? Mono.<Void>empty() : handlers.handleAll(handled, codec)).thenReturn(outcomes);
        }
        Map<UUID, String> recorded = new LinkedHashMap<>();
        for (Received received : batch) {
            if (handlers.handles(received.event().type())) {
                recorded.putIfAbsent(
                        received.event().eventId(), received.delivery().queue());
            }
        }
        return inbox.recordFirst(recorded).flatMap(fresh -> {
            Set<UUID> unhandled = new HashSet<>(fresh);
            return Flux.fromIterable(batch)
                    .concatMap(received -> {
                        IncomingEvent event = received.event();
                        if (!handlers.handles(event.type())) {
                            return Mono.just(Outcome.IGNORED);
                        }
                        // A duplicate within the batch finds its id already taken by the first copy.
                        if (!unhandled.remove(event.eventId())) {
                            return Mono.just(Outcome.DUPLICATE);
                        }
                        TraceParent trace = event.traceParent() == null ? TraceParent.newTrace() : event.traceParent();
                        return handlers.handle(event, codec)
                                .thenReturn(Outcome.HANDLED)
                                .contextWrite(context -> Causation.put(context, new Causation(event.eventId(), trace)));
                    })
                    .collectList();
        });
    }
}
