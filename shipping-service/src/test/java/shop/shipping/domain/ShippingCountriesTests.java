package shop.shipping.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShippingCountriesTests {

    @Test
    void shipsToTheListedCountriesOnly() {
        var countries = ShippingCountries.of(List.of("GB", "IE"));

        assertThat(countries.shipsTo(CountryCode.of("IE"))).isTrue();
        assertThat(countries.shipsTo(CountryCode.of("FR"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"UK", "gb", "XX", "GBR", "G", ""})
    void refusesAnEntryThatIsNotAnIsoAlpha2Code(String entry) {
        assertThatThrownBy(() -> ShippingCountries.of(List.of("GB", entry)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an ISO 3166-1 alpha-2 country code");
    }

    @Test
    void refusesAntarcticaWhichTheContractKeepsUnshippable() {
        assertThatThrownBy(() -> ShippingCountries.of(List.of("GB", "AQ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AQ");
    }

    @Test
    void refusesAnEmptyList() {
        assertThatThrownBy(() -> ShippingCountries.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
