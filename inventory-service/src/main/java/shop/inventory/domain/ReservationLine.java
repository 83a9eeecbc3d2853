package shop.inventory.domain;

import java.math.BigDecimal;
import java.util.Objects;

/** One sku of an order with its units and, once reserved, the catalog price it was sold at. */
public record ReservationLine(String sku, long quantity, BigDecimal unitPrice) {

    public ReservationLine {
        Objects.requireNonNull(sku, "sku");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity of " + sku + " must be at least 1");
        }
    }

    BigDecimal amount() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
