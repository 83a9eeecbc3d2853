package shop.inventory.web;

import java.math.BigDecimal;
import shop.inventory.domain.Product;

/** A product as the HTTP API shows it. */
record ProductView(String sku, String name, BigDecimal price, int available, int reserved) {

    static ProductView of(Product product) {
        return new ProductView(product.sku(), product.name(), product.price(), product.available(), product.reserved());
    }
}
