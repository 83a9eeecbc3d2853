package shop.loadtest.plan;

import java.math.BigDecimal;

/** A customer account the run creates, with its initial balance. */
public record CustomerSpec(String customerId, String name, BigDecimal balance) {}
