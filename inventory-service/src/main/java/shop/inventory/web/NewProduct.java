package shop.inventory.web;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import shop.inventory.domain.Product;

/** Body of {@code POST /products}. */
record NewProduct(
        @NotNull @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "must be 1 to 64 of A-Z a-z 0-9 . _ -")
        String sku,

        @NotBlank @Size(max = 200) String name,

        @NotNull
        @DecimalMin(value = "0", inclusive = false)
        @DecimalMax("1000000")
        @Digits(integer = 7, fraction = 2, message = "must have at most 2 decimals")
        BigDecimal price,

        @NotNull @Min(0) @Max(1_000_000) Integer stock) {

    Product toProduct() {
        return Product.listed(sku, name, price, stock);
    }
}
