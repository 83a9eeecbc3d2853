package shop.order.domain;

import java.util.Objects;

/** A quantity of one product. */
public record OrderLine(String sku, int quantity) {

    public OrderLine {
        Objects.requireNonNull(sku, "sku");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1");
        }
    }
}
