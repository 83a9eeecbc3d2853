package shop.shipping.domain;

public enum ShipmentStatus {
    /** Handed to the carrier's schedule, with a tracking number. */
    SCHEDULED,
    /** Could not be shipped; the order's payment is to be refunded. */
    FAILED,
    /** The order was cancelled: a scheduled shipment was taken off the schedule, or none will be made. */
    CANCELLED
}
