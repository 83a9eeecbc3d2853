package shop.payment.domain;

import java.math.BigDecimal;

/** Amounts are exact: never negative, in cents at most, always written with two decimals. */
public final class Money {

    private Money() {}

    /** The amount with scale 2; refuses a negative amount or one with fractions of a cent. */
    public static BigDecimal exact(BigDecimal amount) {
        if (amount == null || amount.signum() < 0) {
            throw new IllegalArgumentException("an amount must be zero or more, not " + amount);
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("an amount has at most two decimals, not " + amount);
        }
        return amount.setScale(2);
    }
}
