package shop.inventory.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Body of {@code POST /products/{sku}/restock}. */
record Restock(@NotNull @Min(1) @Max(1_000_000) Integer quantity) {}
