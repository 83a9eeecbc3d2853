package shop.inventory.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A catalog entry and its stock: units {@code available} to order and units {@code reserved} for
 * orders still in progress. Neither count ever goes negative.
 */
public record Product(String sku, String name, BigDecimal price, int available, int reserved) {

    /** The most units one product may hold, so that counts stay far from integer overflow. */
    public static final int MAX_UNITS = 1_000_000_000;

    public Product {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(name, "name");
        if (price == null || price.signum() <= 0) {
            throw new IllegalArgumentException("price must be positive");
        }
        price = price.setScale(2, RoundingMode.UNNECESSARY);
        if (available < 0 || reserved < 0) {
            throw new IllegalArgumentException("stock of " + sku + " cannot be negative");
        }
    }

    /** A new catalog entry with its first stock, nothing reserved. */
    public static Product listed(String sku, String name, BigDecimal price, int stock) {
        return new Product(sku, name, price, stock, 0);
    }

    /** Units arrived: more to sell. */
    public Product restock(int quantity) {
        if (quantity < 1) {
            throw new IllegalArgumentException("a restock adds at least one unit");
        }
        if ((long) available + reserved + quantity > MAX_UNITS) {
            throw new StockLimitExceededException(sku, MAX_UNITS);
        }
        return new Product(sku, name, price, available + quantity, reserved);
    }

    public boolean canHold(long quantity) {
        return quantity <= available;
    }

    /** Units set aside for an order: no longer available, not yet sold. */
    Product hold(long quantity) {
        if (!canHold(quantity)) {
            throw new IllegalStateException(sku + ": cannot hold " + quantity + " of " + available + " available");
        }
        return new Product(sku, name, price, available - (int) quantity, reserved + (int) quantity);
    }

    /** Units an order gave back: available again. */
    Product unhold(long quantity) {
        return new Product(sku, name, price, available + (int) quantity, reserved - held(quantity));
    }

    /** Units an order bought: they leave the stock for good. */
    Product sell(long quantity) {
        return new Product(sku, name, price, available, reserved - held(quantity));
    }

    private int held(long quantity) {
        if (quantity > reserved) {
            throw new IllegalStateException(sku + ": " + quantity + " are not held, only " + reserved);
        }
        return (int) quantity;
    }
}
