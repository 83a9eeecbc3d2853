package shop.gateway.view.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderViewTests {

    private static final UUID ORDER = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00.000Z");

    @Test
    void theHappyPathMovesThroughEveryStatus() {
        OrderView view = OrderView.accepted(ORDER, NOW);

        view = view.apply(event("OrderPlaced", null), NOW);
        assertThat(view.status()).isEqualTo(PublicStatus.PENDING);
        assertThat(view.customerId()).isEqualTo("ada");
        view = view.apply(event("InventoryReserved", null), NOW);
        assertThat(view.status()).isEqualTo(PublicStatus.RESERVED);
        assertThat(view.total()).isEqualByComparingTo("20.00");
        assertThat(view.items()).containsExactly(new SagaEvent.Line("BOOK", 2, new BigDecimal("10.00")));
        view = view.apply(event("PaymentCompleted", null), NOW);
        assertThat(view.status()).isEqualTo(PublicStatus.PAID);
        view = view.apply(event("ShipmentScheduled", null), NOW);
        assertThat(view.status()).isEqualTo(PublicStatus.PAID);
        view = view.apply(event("OrderConfirmed", null), NOW);
        assertThat(view.status()).isEqualTo(PublicStatus.CONFIRMED);
        assertThat(view.failureReason()).isNull();
    }

    @Test
    void aCompensationShowsCancellingWithTheFirstCauseThenCancelled() {
        OrderView view = OrderView.accepted(ORDER, NOW)
                .apply(event("InventoryReserved", null), NOW)
                .apply(event("PaymentDeclined", "PAYMENT_DECLINED"), NOW);
        assertThat(view.status()).isEqualTo(PublicStatus.CANCELLING);
        assertThat(view.failureReason()).isEqualTo("PAYMENT_DECLINED");

        view = view.apply(event("InventoryReleased", "OTHER"), NOW);
        assertThat(view.failureReason()).isEqualTo("PAYMENT_DECLINED");
        view = view.apply(event("OrderCancelled", "PAYMENT_DECLINED"), NOW);
        assertThat(view.status()).isEqualTo(PublicStatus.CANCELLED);
        assertThat(view.failureReason()).isEqualTo("PAYMENT_DECLINED");
    }

    @Test
    void aCancellationShowsCancellingAndTheCauseOrderServiceCancelledForWins() {
        // the declined payment's events reach the view before the customer's cancellation, which
        // order-service recorded first and so cancels the order for
        OrderView view = OrderView.accepted(ORDER, NOW)
                .apply(event("PaymentDeclined", "PAYMENT_DECLINED"), NOW)
                .apply(event("OrderCancellationRequested", "CUSTOMER_CANCELLED"), NOW)
                .apply(event("ShipmentCancelled", "CUSTOMER_CANCELLED"), NOW)
                .apply(event("PaymentCancelled", "CUSTOMER_CANCELLED"), NOW);
        assertThat(view.status()).isEqualTo(PublicStatus.CANCELLING);
        assertThat(view.failureReason()).isEqualTo("PAYMENT_DECLINED");

        view = view.apply(event("OrderCancelled", "CUSTOMER_CANCELLED"), NOW)
                .apply(event("InventoryReleased", "PAYMENT_DECLINED"), NOW);
        assertThat(view.status()).isEqualTo(PublicStatus.CANCELLED);
        assertThat(view.failureReason()).isEqualTo("CUSTOMER_CANCELLED");
    }

    @Test
    void aShipmentScheduledWhileCancellingNeverShowsTheOrderAsPaid() {
        OrderView view = OrderView.accepted(ORDER, NOW)
                .apply(event("OrderCancellationRequested", "TIMED_OUT"), NOW)
                .apply(event("ShipmentScheduled", null), NOW);

        assertThat(view.status()).isEqualTo(PublicStatus.CANCELLING);
        assertThat(view.failureReason()).isEqualTo("TIMED_OUT");
    }

    @Test
    void aStatusNeverGoesBackwardsWhenEventsArriveOutOfOrder() {
        OrderView confirmed = OrderView.accepted(ORDER, NOW).apply(event("OrderConfirmed", null), NOW);

        OrderView afterLateEvents = confirmed
                .apply(event("PaymentCompleted", null), NOW)
                .apply(event("InventoryReserved", null), NOW)
                .apply(event("OrderPlaced", null), NOW);

        assertThat(afterLateEvents.status()).isEqualTo(PublicStatus.CONFIRMED);
        assertThat(afterLateEvents.total()).isEqualByComparingTo("20.00");
    }

    @Test
    void anEventThatShowsNothingNewKeepsTheVersion() {
        OrderView paid = OrderView.accepted(ORDER, NOW).apply(event("PaymentCompleted", null), NOW);

        assertThat(paid.version()).isEqualTo(2);
        assertThat(paid.apply(event("PaymentCompleted", null), NOW)).isSameAs(paid);
        assertThat(paid.apply(event("ShipmentScheduled", null), NOW)).isSameAs(paid);
    }

    @Test
    void unpricedLinesFromOrderPlacedNeverReplacePricedOnes() {
        OrderView priced = OrderView.accepted(ORDER, NOW).apply(event("InventoryReserved", null), NOW);

        OrderView view = priced.apply(event("OrderPlaced", null), NOW);

        assertThat(view.items()).extracting(SagaEvent.Line::unitPrice).containsExactly(new BigDecimal("10.00"));
    }

    private static SagaEvent event(String type, String failureReason) {
        boolean priced = type.equals("InventoryReserved");
        return new SagaEvent(
                UUID.randomUUID(),
                type,
                ORDER,
                NOW,
                "ada",
                failureReason,
                priced ? new BigDecimal("20.00") : null,
                type.equals("OrderPlaced") || priced
                        ? List.of(new SagaEvent.Line("BOOK", 2, priced ? new BigDecimal("10.00") : null))
                        : null,
                null);
    }
}
