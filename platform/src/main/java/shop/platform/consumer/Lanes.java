package shop.platform.consumer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Spreads deliveries over lanes by order, so that one order's messages are handled one after
 * the other while other orders' go on in parallel. A lane handles one batch at a time, made of
 * whatever arrived while the previous one ran: an idle lane starts on a message at once, and
 * batches grow by themselves under load without waiting to fill.
 */
final class Lanes {

    private final Lane[] lanes;

    Lanes(int count, int batchSize, Function<List<Delivery>, Mono<Void>> handler) {
        lanes = new Lane[count];
        for (int i = 0; i < count; i++) {
            lanes[i] = new Lane(batchSize, handler);
        }
    }

    void offer(Delivery delivery) {
        lanes[delivery.lane(lanes.length)].offer(delivery);
    }

    private static final class Lane {

        private final int batchSize;
        private final Function<List<Delivery>, Mono<Void>> handler;
        private final Queue<Delivery> waiting = new ArrayDeque<>();
        private boolean busy;

        Lane(int batchSize, Function<List<Delivery>, Mono<Void>> handler) {
            this.batchSize = batchSize;
            this.handler = handler;
        }

        void offer(Delivery delivery) {
            List<Delivery> batch;
            synchronized (this) {
                waiting.add(delivery);
                if (busy) {
                    return;
                }
                busy = true;
                batch = take();
            }
            run(batch);
        }

        private void run(List<Delivery> batch) {
            Mono.defer(() -> handler.apply(batch)).doFinally(signal -> next()).subscribe();
        }

        private void next() {
            List<Delivery> batch;
            synchronized (this) {
                if (waiting.isEmpty()) {
                    busy = false;
                    return;
                }
                batch = take();
            }
            run(batch);
        }

        private List<Delivery> take() {
            List<Delivery> batch = new ArrayList<>(Math.min(batchSize, waiting.size()));
            while (batch.size() < batchSize && !waiting.isEmpty()) {
                batch.add(waiting.poll());
            }
            return batch;
        }
    }
}
