package shop.loadtest.plan;

/** One line of an order: so many units of a product. */
public record Line(String sku, int quantity) {}
