package shop.inventory.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.inventory.domain.OrderLine;
import shop.platform.event.EventCodec;
import shop.platform.event.MalformedEventException;
import shop.platform.testing.Contracts;

/** Inventory's records of the events it consumes read their examples in contracts/. */
class ConsumedEventsContractTests {

    private static final UUID ORDER = UUID.fromString("3f1c2a9e-8a4b-4c1e-9d2f-6b7a8c9d0e1f");

    @Test
    void orderPlaced() {
        var placed = Contracts.example("order.events", "OrderPlaced", 1, OrderPlaced.class);

        assertThat(placed.orderId()).isEqualTo(ORDER);
        assertThat(placed.customerId()).isEqualTo("customer-ada");
        assertThat(placed.lines()).containsExactly(new OrderLine("BOOK-001", 2), new OrderLine("PEN-042", 1));
        assertThat(placed.shippingAddress())
                .isEqualTo(new ShippingAddress("Ada Lovelace", "12 St James Square", "London", "SW1Y 4JH", "GB"));
    }

    @Test
    void orderConfirmed() {
        assertThat(Contracts.example("order.events", "OrderConfirmed", 1, OrderConfirmed.class))
                .isEqualTo(new OrderConfirmed(ORDER));
    }

    @Test
    void paymentDeclined() {
        assertThat(Contracts.example("payment.events", "PaymentDeclined", 1, PaymentReversed.class))
                .isEqualTo(new PaymentReversed(ORDER, "PAYMENT_DECLINED"));
    }

    @Test
    void paymentRefunded() {
        assertThat(Contracts.example("payment.events", "PaymentRefunded", 1, PaymentReversed.class))
                .isEqualTo(new PaymentReversed(ORDER, "SHIPPING_UNAVAILABLE"));
    }

    @Test
    void paymentCancelled() {
        assertThat(Contracts.example("payment.events", "PaymentCancelled", 1, PaymentCancelled.class))
                .isEqualTo(new PaymentCancelled(ORDER, "customer-ada", "CUSTOMER_CANCELLED"));
    }

    @Test
    void anOrderWithoutItemsOrWithANonPositiveQuantityIsMalformed() {
        var example = Contracts.json("order.events", "OrderPlaced", 1);
        var codec = new EventCodec();

        for (String broken : new String[] {
            example.replaceAll("(?s)\"items\": \\[.*?\\],", "\"items\": [],"),
            example.replace("\"quantity\": 2", "\"quantity\": 0"),
            example.replace("\"sku\": \"BOOK-001\",", ""),
        }) {
            var event = codec.decode(broken.getBytes(StandardCharsets.UTF_8), "order.events", null);
            assertThatThrownBy(() -> codec.fields(event, OrderPlaced.class))
                    .as(broken)
                    .isInstanceOf(MalformedEventException.class);
        }
    }
}
