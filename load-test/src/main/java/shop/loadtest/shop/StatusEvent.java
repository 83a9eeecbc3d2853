package shop.loadtest.shop;

import java.util.UUID;

/** The data of a {@code status} event on an order's stream. */
public record StatusEvent(UUID orderId, String status, String failureReason) {

    public static final String CONFIRMED = "CONFIRMED";
    public static final String CANCELLED = "CANCELLED";

    public static boolean isFinal(String status) {
        return CONFIRMED.equals(status) || CANCELLED.equals(status);
    }

    public boolean isFinal() {
        return isFinal(status);
    }
}
