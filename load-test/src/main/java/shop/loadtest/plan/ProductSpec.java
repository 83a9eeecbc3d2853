package shop.loadtest.plan;

import java.math.BigDecimal;

/** A product the run creates, with its initial stock. */
public record ProductSpec(String sku, String name, BigDecimal price, int stock) {}
