package shop.inventory.messaging;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import shop.inventory.domain.InventoryEvent;
import shop.inventory.domain.RejectionReason;
import shop.inventory.domain.ReservationLine;
import shop.platform.testing.Contracts;

/** Each message inventory publishes serialises to exactly its example in contracts/inventory.events. */
class InventoryMessagesContractTests {

    private static final String EXCHANGE = "inventory.events";
    private static final UUID ORDER = UUID.fromString("3f1c2a9e-8a4b-4c1e-9d2f-6b7a8c9d0e1f");

    @Test
    void inventoryReserved() {
        var reserved = new InventoryEvent.Reserved(
                ORDER,
                "customer-ada",
                List.of(
                        new ReservationLine("BOOK-001", 2, new BigDecimal("24.99")),
                        new ReservationLine("PEN-042", 1, new BigDecimal("9.99"))),
                new BigDecimal("59.97"));
        var shippingAddress = Contracts.example("order.events", "OrderPlaced", 1, OrderPlaced.class)
                .shippingAddress();

        Contracts.assertProduces(EXCHANGE, InventoryMessages.of(reserved, shippingAddress));
    }

    @Test
    void inventoryRejected() {
        var rejected = new InventoryEvent.Rejected(
                ORDER, "customer-ada", RejectionReason.OUT_OF_STOCK, "PEN-042: 1 requested, 0 available");

        Contracts.assertProduces(EXCHANGE, InventoryMessages.of(rejected));
    }

    @Test
    void inventoryReleased() {
        var released = new InventoryEvent.Released(ORDER, "customer-ada", "PAYMENT_DECLINED");

        Contracts.assertProduces(EXCHANGE, InventoryMessages.of(released));
    }

    @Test
    void aReservationWithoutTheOrdersShippingAddressIsNotSent() {
        var reserved = new InventoryEvent.Reserved(ORDER, "customer-ada", List.of(), BigDecimal.ONE);

        assertThatThrownBy(() -> InventoryMessages.of(reserved)).isInstanceOf(IllegalArgumentException.class);
    }
}
