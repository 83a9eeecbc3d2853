package shop.platform.consumer;

import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acknowledges committed deliveries in as few frames as is safe. Lanes and retries share a
 * channel, and one {@code multiple} ack covers every unacknowledged tag up to its own, so it may
 * only reach up to just below the lowest delivery on that channel that is still held (received
 * and not yet acknowledged: perhaps not committed). Deliveries above it are acknowledged one by
 * one. Every delivery is noted on arrival, before anything else happens to it, so a tag this
 * class does not hold is one that was already settled.
 */
final class Acknowledgements {

    private static final Logger log = LoggerFactory.getLogger(Acknowledgements.class);

    private final Map<Channel, NavigableSet<Long>> heldByChannel = new ConcurrentHashMap<>();

    void received(Delivery delivery) {
        NavigableSet<Long> held = heldByChannel.computeIfAbsent(delivery.channel(), channel -> {
            // A closed channel's tags mean nothing any more: the broker redelivers its messages.
            channel.addShutdownListener(cause -> heldByChannel.remove(channel));
            return new TreeSet<>();
        });
        synchronized (held) {
            held.add(delivery.tag());
        }
    }

    /** Acknowledges committed deliveries; answers those whose acknowledgement reached their channel. */
    List<Delivery> acknowledge(List<Delivery> deliveries) {
        Map<Channel, List<Delivery>> byChannel = new LinkedHashMap<>();
        deliveries.forEach(delivery -> byChannel
                .computeIfAbsent(delivery.channel(), channel -> new ArrayList<>())
                .add(delivery));
        List<Delivery> acknowledged = new ArrayList<>(deliveries.size());
        byChannel.forEach((channel, committed) -> {
            try {
                acknowledge(channel, committed);
                acknowledged.addAll(committed);
            } catch (IOException | RuntimeException failure) {
                log.info(
                        "Could not acknowledge {} message(s) of {} (they will be redelivered): {}",
                        committed.size(),
                        committed.get(0).queue(),
                        failure.toString());
            }
        });
        return acknowledged;
    }

    private void acknowledge(Channel channel, List<Delivery> committed) throws IOException {
        List<Long> tags = committed.stream()
                .map(Delivery::tag)
                .sorted(Comparator.naturalOrder())
                .toList();
        NavigableSet<Long> held = heldByChannel.get(channel);
        if (held == null) {
            // The channel closed: nothing can be acknowledged on it.
            throw new IOException("channel closed");
        }
        // Frames go out under the lock, so that no multiple ack overtakes one sent earlier.
        synchronized (held) {
            Frames frames = Frames.of(held, tags);
            if (frames.upTo() > 0) {
                channel.basicAck(frames.upTo(), true);
            }
            for (long tag : frames.single()) {
                channel.basicAck(tag, false);
            }
            tags.forEach(held::remove);
        }
    }

    /**
     * The acknowledgements for some committed tags of a channel: one {@code multiple} ack up to
     * {@code upTo} (none if 0) for those below every tag still held, then one each for the rest.
     */
    record Frames(long upTo, List<Long> single) {

        /** {@code committed} in ascending order, {@code held} every unsettled tag of the channel. */
        static Frames of(NavigableSet<Long> held, List<Long> committed) {
            int covered = 0;
            for (long tag : held) {
                if (covered == committed.size() || tag != committed.get(covered)) {
                    break;
                }
                covered++;
            }
            List<Long> single = new ArrayList<>();
            for (long tag : committed.subList(covered < 2 ? 0 : covered, committed.size())) {
                // A tag no longer held was settled already; a second ack would close the channel.
                if (held.contains(tag)) {
                    single.add(tag);
                }
            }
            return new Frames(covered < 2 ? 0 : committed.get(covered - 1), single);
        }
    }
}
