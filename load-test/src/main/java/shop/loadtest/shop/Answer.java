package shop.loadtest.shop;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/** The gateway's answer to a POST: its status, the Retry-After it asked for, and the order it accepted. */
public record Answer(int status, Optional<Duration> retryAfter, Optional<UUID> orderId) {

    public static Answer of(int status) {
        return new Answer(status, Optional.empty(), Optional.empty());
    }
}
