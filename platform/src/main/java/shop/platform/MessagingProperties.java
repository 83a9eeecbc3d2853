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
     * @param batchSize rows published per transaction
     * @param pollInterval how often the relay looks for rows it was not woken for
     * @param confirmTimeout how long to wait for the broker's confirms of a batch
     * @param minBackoff first wait after a failed batch
     * @param maxBackoff longest wait between attempts while the broker is unreachable
     */
    public record Relay(
            @DefaultValue("200") int batchSize,
            @DefaultValue("100ms") Duration pollInterval,
            @DefaultValue("10s") Duration confirmTimeout,
            @DefaultValue("200ms") Duration minBackoff,
            @DefaultValue("10s") Duration maxBackoff) {}

    /**
     * @param messageRetries retries of a message that fails on its own before it is dead-lettered
     * @param messageBackoff wait between those retries
     * @param minBackoff first wait after an infrastructure failure (retried for as long as it takes)
     * @param maxBackoff longest wait between infrastructure retries
     * @param drainTimeout how long shutdown waits for messages in flight
     * @param batchSize most messages handled in one transaction
     * @param batchWait longest a message waits for others to share its transaction
     * @param lanes transactions a binding runs at once (one order's messages always share a lane)
     */
    public record Consumer(
            @DefaultValue("3") int messageRetries,
            @DefaultValue("100ms") Duration messageBackoff,
            @DefaultValue("100ms") Duration minBackoff,
            @DefaultValue("5s") Duration maxBackoff,
            @DefaultValue("20s") Duration drainTimeout,
            @DefaultValue("32") int batchSize,
            @DefaultValue("2ms") Duration batchWait,
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
