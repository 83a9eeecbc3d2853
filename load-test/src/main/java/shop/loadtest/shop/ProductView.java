package shop.loadtest.shop;

/** The stock figures of {@code GET /api/products/{sku}}. */
public record ProductView(String sku, int available, int reserved) {}
