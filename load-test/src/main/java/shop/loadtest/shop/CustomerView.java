package shop.loadtest.shop;

import java.math.BigDecimal;

/** The balance of {@code GET /api/customers/{id}}. */
public record CustomerView(String customerId, BigDecimal balance) {}
