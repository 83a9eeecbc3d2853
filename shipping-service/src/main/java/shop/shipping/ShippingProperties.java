package shop.shipping;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import shop.shipping.domain.ShippingCountries;

/**
 * Settings of shipping ({@code shop.shipping.*}).
 *
 * @param countries ISO 3166-1 alpha-2 codes of the countries shipped to; a list with any other
 *     entry, or with {@code AQ}, stops the service at start-up
 */
@ConfigurationProperties("shop.shipping")
record ShippingProperties(List<String> countries) {

    ShippingProperties {
        shippingCountries(countries);
    }

    ShippingCountries shippingCountries() {
        return shippingCountries(countries);
    }

    private static ShippingCountries shippingCountries(List<String> countries) {
        if (countries == null) {
            throw new IllegalArgumentException("shop.shipping.countries is not set");
        }
        return ShippingCountries.of(countries);
    }
}
