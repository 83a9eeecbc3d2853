package shop.shipping.messaging;

import java.util.UUID;
import shop.shipping.domain.CountryCode;

/**
 * This consumer's copy of the fields of {@code PaymentCompleted} v1 it reads. An event without
 * a shipping address, or with a country that is not an ISO code, is malformed: it fails to map
 * and ends in the dead-letter queue.
 */
record PaymentCompleted(UUID orderId, ShippingAddress shippingAddress) {

    PaymentCompleted {
        if (shippingAddress == null) {
            throw new IllegalArgumentException("shippingAddress is missing");
        }
    }

    CountryCode destination() {
        return CountryCode.of(shippingAddress.country());
    }

    record ShippingAddress(String country) {

        ShippingAddress {
            CountryCode.of(country);
        }
    }
}
