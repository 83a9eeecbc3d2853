package shop.loadtest.run;

import java.util.Optional;
import java.util.UUID;
import shop.loadtest.plan.PlannedOrder;
import shop.loadtest.shop.StatusEvent;

/**
 * What became of one planned order. Times are {@link Ticker} nanoseconds; {@code intendedStart}
 * is when the order was due to start, which in the open model may be earlier than when it did.
 */
public record OrderOutcome(
        PlannedOrder planned,
        long intendedStart,
        Optional<UUID> orderId,
        long acceptedAt,
        Optional<StatusEvent> finalStatus,
        long finishedAt,
        Optional<String> error) {

    public static OrderOutcome failed(PlannedOrder planned, long intendedStart, String error) {
        return new OrderOutcome(planned, intendedStart, Optional.empty(), 0, Optional.empty(), 0, Optional.of(error));
    }

    public static OrderOutcome unfinished(PlannedOrder planned, long intendedStart, UUID orderId, long acceptedAt) {
        return new OrderOutcome(
                planned, intendedStart, Optional.of(orderId), acceptedAt, Optional.empty(), 0, Optional.empty());
    }

    public OrderOutcome finished(StatusEvent status, long at) {
        return new OrderOutcome(planned, intendedStart, orderId, acceptedAt, Optional.of(status), at, error);
    }

    public boolean accepted() {
        return orderId.isPresent();
    }

    public boolean isFinal() {
        return finalStatus.isPresent();
    }

    public boolean isUnfinished() {
        return accepted() && !isFinal();
    }

    /** CONFIRMED, CANCELLED/REASON, UNFINISHED or ERROR: how the summary and report count it. */
    public String label() {
        if (error.isPresent()) {
            return "ERROR";
        }
        return finalStatus
                .map(status -> status.failureReason() == null
                        ? status.status()
                        : status.status() + "/" + status.failureReason())
                .orElse("UNFINISHED");
    }
}
