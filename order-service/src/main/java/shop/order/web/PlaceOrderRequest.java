package shop.order.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import shop.order.PlaceOrder;
import shop.order.domain.OrderLine;
import shop.order.domain.ShippingAddress;

/** The body of {@code POST /orders}. Wrapper types, so that a missing number is a field error. */
record PlaceOrderRequest(
        @NotNull @Pattern(regexp = IDENTIFIER, message = IDENTIFIER_MESSAGE)
        String customerId,

        @NotNull @Size(min = 1, max = 50) List<@NotNull @Valid Item> items,
        @NotNull @Valid Address shippingAddress) {

    static final String IDENTIFIER = "[A-Za-z0-9._-]{1,64}";
    static final String IDENTIFIER_MESSAGE = "must be 1 to 64 letters, digits, '.', '_' or '-'";

    record Item(
            @NotNull @Pattern(regexp = IDENTIFIER, message = IDENTIFIER_MESSAGE)
            String sku,

            @NotNull @Min(1) @Max(1000) Integer quantity) {}

    record Address(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 200) String street,
            @NotBlank @Size(max = 200) String city,
            @NotBlank @Size(max = 20) String postalCode,
            @NotNull @IsoCountry String country) {}

    PlaceOrder toCommand() {
        return new PlaceOrder(
                customerId,
                items.stream()
                        .map(item -> new OrderLine(item.sku(), item.quantity()))
                        .toList(),
                new ShippingAddress(
                        shippingAddress.name(),
                        shippingAddress.street(),
                        shippingAddress.city(),
                        shippingAddress.postalCode(),
                        shippingAddress.country()));
    }
}
