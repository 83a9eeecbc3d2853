package shop.order.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.platform.event.EventCodec;
import shop.platform.event.MalformedEventException;
import shop.platform.testing.Contracts;

/** Order-service's own records read the examples of the events it consumes. */
class ConsumedEventsTests {

    private static final UUID EXAMPLE_ORDER = UUID.fromString("3f1c2a9e-8a4b-4c1e-9d2f-6b7a8c9d0e1f");

    @Test
    void inventoryRejected() {
        assertThat(Contracts.example("inventory.events", "InventoryRejected", 1, InventoryRejected.class))
                .isEqualTo(new InventoryRejected(EXAMPLE_ORDER, "OUT_OF_STOCK"));
    }

    @Test
    void inventoryReleased() {
        assertThat(Contracts.example("inventory.events", "InventoryReleased", 1, InventoryReleased.class))
                .isEqualTo(new InventoryReleased(EXAMPLE_ORDER, "PAYMENT_DECLINED"));
    }

    @Test
    void shipmentScheduled() {
        assertThat(Contracts.example("shipping.events", "ShipmentScheduled", 1, ShipmentScheduled.class))
                .isEqualTo(new ShipmentScheduled(EXAMPLE_ORDER));
    }

    @Test
    void aCompensationWithoutItsCauseCannotBeRead() {
        var codec = new EventCodec();
        String withoutReason = Contracts.json("inventory.events", "InventoryRejected", 1)
                .replace("\"failureReason\": \"OUT_OF_STOCK\",", "");
        var event = codec.decode(withoutReason.getBytes(StandardCharsets.UTF_8), "inventory.events", null);

        assertThatThrownBy(() -> codec.fields(event, InventoryRejected.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("failureReason");
    }
}
