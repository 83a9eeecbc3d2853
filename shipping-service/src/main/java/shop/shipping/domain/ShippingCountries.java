package shop.shipping.domain;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The countries this shop ships to. Antarctica is never one of them: the contract promises that
 * an order to {@code AQ} always fails at shipping, and tools use it to drive the compensation.
 */
public record ShippingCountries(Set<CountryCode> countries) {

    static final CountryCode NEVER_SHIPPED_TO = CountryCode.of("AQ");

    public ShippingCountries {
        countries = Set.copyOf(countries);
        if (countries.isEmpty()) {
            throw new IllegalArgumentException("the list of countries shipped to is empty");
        }
        if (countries.contains(NEVER_SHIPPED_TO)) {
            throw new IllegalArgumentException(
                    NEVER_SHIPPED_TO + " must never be a country shipped to: the contract keeps it unshippable");
        }
    }

    /** Reads a configured list of codes; any entry that is not an ISO 3166-1 alpha-2 code is refused. */
    public static ShippingCountries of(Collection<String> codes) {
        return new ShippingCountries(codes.stream().map(CountryCode::of).collect(Collectors.toSet()));
    }

    boolean shipsTo(CountryCode country) {
        return countries.contains(country);
    }
}
