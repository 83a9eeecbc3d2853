package shop.payment;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;
import shop.payment.domain.Money;
import shop.payment.messaging.ShippingAddress;

/**
 * A request to pay an order's total from the customer's account.
 *
 * @param shippingAddress where the order goes, passed on to shipping, never read here
 */
public record Charge(UUID orderId, String customerId, BigDecimal amount, ShippingAddress shippingAddress) {

    public Charge {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        amount = Money.exact(amount);
        Objects.requireNonNull(shippingAddress, "shippingAddress");
    }
}
