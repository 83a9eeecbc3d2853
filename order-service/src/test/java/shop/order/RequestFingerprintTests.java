package shop.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import shop.order.domain.OrderLine;

class RequestFingerprintTests {

    private final PlaceOrder request =
            new PlaceOrder(OrderFixtures.CUSTOMER, OrderFixtures.lines(), OrderFixtures.address());

    @Test
    void isTheSha256OfTheRequestInHex() {
        assertThat(RequestFingerprint.of(request))
                .matches("[0-9a-f]{64}")
                .isEqualTo(RequestFingerprint.of(
                        new PlaceOrder(OrderFixtures.CUSTOMER, OrderFixtures.lines(), OrderFixtures.address())));
    }

    @Test
    void anyDifferentValueMakesADifferentFingerprint() {
        var otherQuantity = new PlaceOrder(
                OrderFixtures.CUSTOMER,
                List.of(new OrderLine("BOOK-001", 3), new OrderLine("PEN-042", 1)),
                OrderFixtures.address());
        var otherCustomer = new PlaceOrder("customer-bob", OrderFixtures.lines(), OrderFixtures.address());
        var linesSwapped = new PlaceOrder(
                OrderFixtures.CUSTOMER,
                List.of(new OrderLine("PEN-042", 1), new OrderLine("BOOK-001", 2)),
                OrderFixtures.address());

        assertThat(List.of(otherQuantity, otherCustomer, linesSwapped))
                .extracting(RequestFingerprint::of)
                .doesNotContain(RequestFingerprint.of(request))
                .doesNotHaveDuplicates();
    }
}
