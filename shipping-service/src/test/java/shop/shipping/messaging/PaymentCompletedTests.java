package shop.shipping.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.platform.event.EventCodec;
import shop.platform.event.MalformedEventException;
import shop.platform.testing.Contracts;
import shop.shipping.domain.CountryCode;

class PaymentCompletedTests {

    static final String EXAMPLE = Contracts.json("payment.events", "PaymentCompleted", 1);

    @Test
    void readsTheContractExample() {
        PaymentCompleted paid = Contracts.example("payment.events", "PaymentCompleted", 1, PaymentCompleted.class);

        assertThat(paid.orderId()).isEqualTo(UUID.fromString("3f1c2a9e-8a4b-4c1e-9d2f-6b7a8c9d0e1f"));
        assertThat(paid.destination()).isEqualTo(CountryCode.of("GB"));
    }

    @Test
    void anEventWithoutShippingAddressIsMalformed() {
        String withoutAddress = EXAMPLE.substring(0, EXAMPLE.indexOf(",\n  \"shippingAddress\"")) + "\n}";

        assertThatThrownBy(() -> read(withoutAddress))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("shippingAddress is missing");
    }

    @Test
    void anAddressWhoseCountryIsNotAnIsoCodeIsMalformed() {
        assertThatThrownBy(() -> read(EXAMPLE.replace("\"country\": \"GB\"", "\"country\": \"Britain\"")))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("'Britain' is not an ISO 3166-1 alpha-2 country code");
        assertThatThrownBy(() -> read(EXAMPLE.replace("\"country\": \"GB\"", "\"country\": null")))
                .isInstanceOf(MalformedEventException.class);
    }

    private static PaymentCompleted read(String json) {
        var codec = new EventCodec();
        return codec.fields(
                codec.decode(json.getBytes(StandardCharsets.UTF_8), "payment.events", null), PaymentCompleted.class);
    }
}
