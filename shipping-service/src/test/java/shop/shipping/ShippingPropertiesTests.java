package shop.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import shop.shipping.domain.CountryCode;

/** The list of countries is checked when it is bound, so a wrong one stops the service at start-up. */
class ShippingPropertiesTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ShippingProperties.class)
    static class Properties {}

    final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Properties.class);

    @Test
    void bindsACommaSeparatedList() {
        context.withPropertyValues("shop.shipping.countries=GB, IE,FR").run(started -> {
            var countries = started.getBean(ShippingProperties.class).shippingCountries();
            assertThat(countries.countries())
                    .containsExactlyInAnyOrder(CountryCode.of("GB"), CountryCode.of("IE"), CountryCode.of("FR"));
        });
    }

    @Test
    void refusesAnEntryThatIsNotACountryCode() {
        context.withPropertyValues("shop.shipping.countries=GB,UK")
                .run(started -> assertThat(started)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("'UK' is not an ISO 3166-1 alpha-2 country code"));
    }

    @Test
    void refusesAntarctica() {
        context.withPropertyValues("shop.shipping.countries=GB,AQ")
                .run(started -> assertThat(started)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("AQ must never be a country shipped to"));
    }

    @Test
    void refusesAMissingList() {
        context.run(started -> assertThat(started).hasFailed());
    }
}
