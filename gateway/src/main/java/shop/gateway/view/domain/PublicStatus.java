package shop.gateway.view.domain;

/**
 * The order statuses a client sees, in the order of precedence the view folds events with: a
 * status never goes backwards, whatever order the events arrive in, because a later status in
 * this list always wins over an earlier one.
 */
public enum PublicStatus {
    PENDING,
    RESERVED,
    PAID,
    CANCELLING,
    CONFIRMED,
    CANCELLED;

    public boolean isFinal() {
        return this == CONFIRMED || this == CANCELLED;
    }

    public PublicStatus atLeast(PublicStatus other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /** The status an event shows the saga has reached at least. */
    static PublicStatus reachedBy(String eventType) {
        return switch (eventType) {
            case "InventoryReserved" -> RESERVED;
            case "PaymentCompleted", "ShipmentScheduled" -> PAID;
            case "InventoryRejected",
                    "PaymentDeclined",
                    "ShipmentFailed",
                    "PaymentRefunded",
                    "InventoryReleased",
                    "OrderCancellationRequested",
                    "ShipmentCancelled",
                    "PaymentCancelled" -> CANCELLING;
            case "OrderConfirmed" -> CONFIRMED;
            case "OrderCancelled" -> CANCELLED;
            default -> PENDING;
        };
    }
}
