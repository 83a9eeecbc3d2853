package shop.platform.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import shop.platform.MessagingProperties;

/**
 * The consumer's retry policy, by kind of failure ({@link Failures}): contention again after a
 * short random pause, an infrastructure failure with exponential backoff for as long as it
 * takes, the message's own fault a few times. Every retry first asks whether the message is still
 * held: once its channel has closed, the broker delivers it again, and this attempt gives up with
 * {@link Released}.
 */
final class Retries {

    private static final Logger log = LoggerFactory.getLogger(Retries.class);

    private final MessagingProperties.Consumer settings;
    private final Counter contention;

    Retries(MessagingProperties.Consumer settings, MeterRegistry meters) {
        this.settings = settings;
        this.contention = meters.counter("shop.consumer.contention");
    }

    /** Handling a message or a batch: the message's own fault is retried {@code messageRetries} times. */
    Retry handling(BooleanSupplier held, int messageRetries) {
        return Retry.from(signals -> {
            int[] messageFailures = {0};
            return signals.concatMap(signal -> {
                Throwable failure = signal.failure();
                if (!held.getAsBoolean()) {
                    return Mono.error(new Released());
                }
                if (Failures.isContention(failure)) {
                    contention.increment();
                    return Mono.delay(
                            Duration.ofMillis(ThreadLocalRandom.current().nextLong(1, 20)));
                }
                if (Failures.isInfrastructure(failure)) {
                    log.debug("Infrastructure failure, retrying: {}", failure.toString());
                    return Mono.delay(backoff(signal.totalRetriesInARow()));
                }
                if (messageFailures[0]++ < messageRetries) {
                    return Mono.delay(settings.messageBackoff());
                }
                return Mono.error(failure);
            });
        });
    }

    /** Sending a dead letter: any failure is the broker's, retried with backoff while the message is held. */
    Retry deadLettering(BooleanSupplier held) {
        return Retry.from(signals -> signals.concatMap(signal ->
                held.getAsBoolean() ? Mono.delay(backoff(signal.totalRetriesInARow())) : Mono.error(new Released())));
    }

    private Duration backoff(long attempt) {
        long base = settings.minBackoff().toMillis() << Math.min(attempt, 16);
        long capped = Math.min(base, settings.maxBackoff().toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    /** The delivery's channel closed: the broker will deliver the message again. */
    static final class Released extends RuntimeException {
        Released() {
            super("delivery released", null, false, false);
        }
    }
}
