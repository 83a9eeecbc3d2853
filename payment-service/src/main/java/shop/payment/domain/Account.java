package shop.payment.domain;

import java.math.BigDecimal;

/** A customer's account: the balance orders are paid from. */
public record Account(String customerId, String name, BigDecimal balance) {}
