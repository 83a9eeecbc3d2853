package shop.order.domain;

import java.util.Objects;

/** Where the order goes; {@code country} is an ISO 3166-1 alpha-2 code. */
public record ShippingAddress(String name, String street, String city, String postalCode, String country) {

    public ShippingAddress {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(street, "street");
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(postalCode, "postalCode");
        Objects.requireNonNull(country, "country");
    }
}
