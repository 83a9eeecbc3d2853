package shop.inventory.domain;

import java.util.Objects;

/** A line of an order as the customer asked for it; the same sku may appear on several lines. */
public record OrderLine(String sku, int quantity) {

    public OrderLine {
        Objects.requireNonNull(sku, "sku");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity of " + sku + " must be at least 1");
        }
    }
}
