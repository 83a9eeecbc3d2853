package shop.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the messaging plumbing ({@code shop.messaging.*}).
 *
 * @param exchange the exchange this service publishes its events to (one per producer)
 */
@ConfigurationProperties("shop.messaging")
public record MessagingProperties(
        String exchange,
        @DefaultValue Relay relay,
        @DefaultValue Consumer consumer,
        @DefaultValue Retention retention) {

    /**
     * @param batchSize most rows published at once
     * @param pollInterval how often the relay looks for rows the fast path did not publish
     * @param confirmTimeout how long to wait for the broker's confirms of a batch
     * @param minBackoff first wait after a failed batch
     * @param maxBackoff longest wait between attempts while the broker is unreachable
     * @param lease how long a committed row is left to the fast path before the poll may take it;
     *     longer than {@code confirmTimeout}, which the fast path keeps as its margin
     * @param fastPathCapacity committed transactions the fast path holds; beyond that, the poll publishes
     */
    public record Relay(
            @DefaultValue("200") int batchSize,
            @DefaultValue("500ms") Duration pollInterval,
            @DefaultValue("10s") Duration confirmTimeout,
            @DefaultValue("200ms") Duration minBackoff,
            @DefaultValue("10s") Duration maxBackoff,
            @DefaultValue("15s") Duration lease,
            @DefaultValue("4096") int fastPathCapacity) {

        public Relay {
            if (lease.compareTo(confirmTimeout) <= 0) {
                throw new IllegalArgumentException("shop.messaging.relay.lease (" + lease
                        + ") must be longer than shop.messaging.relay.confirm-timeout (" + confirmTimeout + ")");
            }
        }
    }

    /**
     * @param messageRetries retries of a message that fails on its own before it is dead-lettered
     * @param messageBackoff wait between those retries
     * @param minBackoff first wait after an infrastructure failure (retried for as long as it takes)
     * @param maxBackoff longest wait between infrastructure retries
     * @param drainTimeout how long shutdown waits for messages in flight
     * @param batchSize most messages handled in one transaction
     * @param lanes transactions a binding runs at once (one order's messages always share a lane)
     */
    public record Consumer(
            @DefaultValue("3") int messageRetries,
            @DefaultValue("100ms") Duration messageBackoff,
            @DefaultValue("100ms") Duration minBackoff,
            @DefaultValue("5s") Duration maxBackoff,
            @DefaultValue("20s") Duration drainTimeout,
            @DefaultValue("32") int batchSize,
            @DefaultValue("4") int lanes) {}

    /**
     * @param outbox how long sent outbox rows are kept
     * @param inbox how long handled-event records are kept: far longer than any redelivery
     * @param sweepInterval how often old rows are deleted
     */
    public record Retention(
            @DefaultValue("1d") Duration outbox,
            @DefaultValue("14d") Duration inbox,
            @DefaultValue("10m") Duration sweepInterval) {}
}
