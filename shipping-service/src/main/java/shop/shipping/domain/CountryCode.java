package shop.shipping.domain;

import java.util.Locale;
import java.util.Set;

/** An ISO 3166-1 alpha-2 country code, as written in the standard (upper case). */
public record CountryCode(String value) {

    private static final Set<String> ISO_CODES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    public CountryCode {
        if (value == null || !ISO_CODES.contains(value)) {
            throw new IllegalArgumentException("'" + value + "' is not an ISO 3166-1 alpha-2 country code");
        }
    }

    public static CountryCode of(String value) {
        return new CountryCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
