package shop.shipping.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.platform.event.EventCodec;
import shop.platform.event.MalformedEventException;
import shop.platform.testing.Contracts;
import shop.shipping.domain.FailureReason;

class OrderCancellationRequestedTests {

    @Test
    void readsTheContractExample() {
        var requested =
                Contracts.example("order.events", "OrderCancellationRequested", 1, OrderCancellationRequested.class);

        assertThat(requested.orderId()).isEqualTo(UUID.fromString("3f1c2a9e-8a4b-4c1e-9d2f-6b7a8c9d0e1f"));
        assertThat(requested.customerId()).isEqualTo("customer-ada");
        assertThat(requested.reason()).isEqualTo(FailureReason.CUSTOMER_CANCELLED);
    }

    @Test
    void aReasonThatIsNoCancellationsIsMalformed() {
        var codec = new EventCodec();
        for (String reason : new String[] {"SHIPPING_UNAVAILABLE", "BORED", "null"}) {
            String body = Contracts.json("order.events", "OrderCancellationRequested", 1)
                    .replace("\"CUSTOMER_CANCELLED\"", reason.equals("null") ? "null" : "\"" + reason + "\"");
            var event = codec.decode(body.getBytes(StandardCharsets.UTF_8), "order.events", null);

            assertThatThrownBy(() -> codec.fields(event, OrderCancellationRequested.class))
                    .as(reason)
                    .isInstanceOf(MalformedEventException.class);
        }
    }
}
