package shop.payment.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.platform.testing.Contracts;

/** The examples of the events payment subscribes to read into its own records. */
class ConsumedEventsTests {

    static final UUID ORDER = UUID.fromString("3f1c2a9e-8a4b-4c1e-9d2f-6b7a8c9d0e1f");

    @Test
    void inventoryReservedGivesTheChargeOfTheOrder() {
        var reserved = Contracts.example("inventory.events", "InventoryReserved", 1, InventoryReserved.class);

        var charge = reserved.toCharge();

        assertThat(charge.orderId()).isEqualTo(ORDER);
        assertThat(charge.customerId()).isEqualTo("customer-ada");
        assertThat(charge.amount()).isEqualTo(new BigDecimal("59.97"));
        assertThat(charge.shippingAddress())
                .isEqualTo(new ShippingAddress("Ada Lovelace", "12 St James Square", "London", "SW1Y 4JH", "GB"));
    }

    @Test
    void shipmentFailedGivesTheReasonOfTheRefund() {
        var failed = Contracts.example("shipping.events", "ShipmentFailed", 1, ShipmentFailed.class);

        assertThat(failed).isEqualTo(new ShipmentFailed(ORDER, "SHIPPING_UNAVAILABLE"));
    }

    @Test
    void shipmentCancelledGivesTheCustomerAndTheCauseOfTheCancellation() {
        var cancelled = Contracts.example("shipping.events", "ShipmentCancelled", 1, ShipmentCancelled.class);

        assertThat(cancelled).isEqualTo(new ShipmentCancelled(ORDER, "customer-ada", "CUSTOMER_CANCELLED"));
    }
}
