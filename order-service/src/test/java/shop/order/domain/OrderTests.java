package shop.order.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import shop.order.OrderFixtures;
import shop.order.domain.OrderEvent.OrderCancellationRequested;
import shop.order.domain.OrderEvent.OrderCancelled;
import shop.order.domain.OrderEvent.OrderConfirmed;
import shop.order.domain.OrderEvent.OrderPlaced;

class OrderTests {

    private static final Instant LATER = OrderFixtures.PLACED_AT.plusSeconds(5);
    private static final Instant MUCH_LATER = LATER.plusSeconds(5);

    @Test
    void placingAnOrderStartsTheSagaWithOrderPlaced() {
        UUID id = UUID.randomUUID();

        var placed = Order.place(
                id, OrderFixtures.CUSTOMER, OrderFixtures.lines(), OrderFixtures.address(), OrderFixtures.PLACED_AT);

        assertThat(placed.order().status()).isEqualTo(OrderStatus.PENDING);
        assertThat(placed.order().failureReason()).isNull();
        assertThat(placed.order().createdAt()).isEqualTo(OrderFixtures.PLACED_AT);
        assertThat(placed.order().updatedAt()).isEqualTo(OrderFixtures.PLACED_AT);
        assertThat(placed.events())
                .containsExactly(
                        new OrderPlaced(id, OrderFixtures.CUSTOMER, OrderFixtures.lines(), OrderFixtures.address()));
    }

    @Test
    void anOrderHasAtLeastOneLine() {
        assertThatThrownBy(() -> Order.place(
                        UUID.randomUUID(), OrderFixtures.CUSTOMER, List.of(), OrderFixtures.address(), LATER))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Nested
    class WhilePending {

        private final Order pending = OrderFixtures.pendingOrder();

        @Test
        void aScheduledShipmentConfirmsIt() {
            var confirmed = (Transition.Changed) pending.noteShipmentScheduled(LATER);

            assertThat(confirmed.order().status()).isEqualTo(OrderStatus.CONFIRMED);
            assertThat(confirmed.order().failureReason()).isNull();
            assertThat(confirmed.order().updatedAt()).isEqualTo(LATER);
            assertThat(confirmed.order().createdAt()).isEqualTo(OrderFixtures.PLACED_AT);
            assertThat(confirmed.events()).containsExactly(new OrderConfirmed(pending.id(), OrderFixtures.CUSTOMER));
        }

        @Test
        void anInventoryRejectionCancelsItWithTheRejectionsReason() {
            var cancelled = (Transition.Changed) pending.noteInventoryRejected("OUT_OF_STOCK", LATER);

            assertThat(cancelled.order().status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(cancelled.order().failureReason()).isEqualTo("OUT_OF_STOCK");
            assertThat(cancelled.order().updatedAt()).isEqualTo(LATER);
            assertThat(cancelled.events())
                    .containsExactly(new OrderCancelled(pending.id(), OrderFixtures.CUSTOMER, "OUT_OF_STOCK"));
        }

        @Test
        void anInventoryReleaseCancelsItWithTheCauseOfTheCompensation() {
            var cancelled = (Transition.Changed) pending.noteInventoryReleased("SHIPPING_UNAVAILABLE", LATER);

            assertThat(cancelled.order().status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(cancelled.order().failureReason()).isEqualTo("SHIPPING_UNAVAILABLE");
            assertThat(cancelled.events())
                    .containsExactly(new OrderCancelled(pending.id(), OrderFixtures.CUSTOMER, "SHIPPING_UNAVAILABLE"));
        }
    }

    @Nested
    class OnceConfirmed {

        private final Order confirmed =
                ((Transition.Changed) OrderFixtures.pendingOrder().noteShipmentScheduled(LATER)).order();

        @Test
        void aLateInventoryReleaseIsIgnored() {
            var late = confirmed.noteInventoryReleased("PAYMENT_DECLINED", MUCH_LATER);

            assertThat(late).isEqualTo(new Transition.Ignored(confirmed, "the order is already CONFIRMED"));
        }

        @Test
        void aLateInventoryRejectionIsIgnored() {
            assertThat(confirmed.noteInventoryRejected("OUT_OF_STOCK", MUCH_LATER))
                    .isInstanceOf(Transition.Ignored.class);
        }

        @Test
        void theSameShipmentAgainIsIgnored() {
            var again = confirmed.noteShipmentScheduled(MUCH_LATER);

            assertThat(again).isInstanceOf(Transition.Ignored.class);
            assertThat(((Transition.Ignored) again).order().updatedAt()).isEqualTo(LATER);
        }
    }

    @Nested
    class OnceCancelled {

        private final Order cancelled = ((Transition.Changed)
                        OrderFixtures.pendingOrder().noteInventoryRejected("OUT_OF_STOCK", LATER))
                .order();

        @Test
        void theSameRejectionAgainIsIgnored() {
            assertThat(cancelled.noteInventoryRejected("OUT_OF_STOCK", MUCH_LATER))
                    .isEqualTo(new Transition.Ignored(cancelled, "the order is already CANCELLED"));
        }

        @Test
        void aLaterCauseDoesNotReplaceTheFirst() {
            var later = (Transition.Ignored) cancelled.noteInventoryReleased("PAYMENT_DECLINED", MUCH_LATER);

            assertThat(later.order().failureReason()).isEqualTo("OUT_OF_STOCK");
        }

        @Test
        void aShipmentArrivingAfterTheCancellationDoesNotConfirmIt() {
            var late = (Transition.Ignored) cancelled.noteShipmentScheduled(MUCH_LATER);

            assertThat(late.order().status()).isEqualTo(OrderStatus.CANCELLED);
        }
    }

    @Nested
    class Cancelling {

        private final Order pending = OrderFixtures.pendingOrder();
        private final Order cancelling = ((Transition.Changed)
                        pending.requestCancellation(CancellationReason.CUSTOMER_CANCELLED, LATER))
                .order();

        @Test
        void aPendingOrderStartsUnwindingWithItsCause() {
            var requested =
                    (Transition.Changed) pending.requestCancellation(CancellationReason.CUSTOMER_CANCELLED, LATER);

            assertThat(requested.order().status()).isEqualTo(OrderStatus.CANCELLING);
            assertThat(requested.order().failureReason()).isEqualTo("CUSTOMER_CANCELLED");
            assertThat(requested.order().status().isFinal()).isFalse();
            assertThat(requested.events())
                    .containsExactly(
                            new OrderCancellationRequested(pending.id(), OrderFixtures.CUSTOMER, "CUSTOMER_CANCELLED"));
        }

        @Test
        void aRepeatedOrLaterCancellationKeepsTheFirstCauseAndAnnouncesNothing() {
            for (var reason : CancellationReason.values()) {
                var again = cancelling.requestCancellation(reason, MUCH_LATER);

                assertThat(again).isEqualTo(new Transition.Ignored(cancelling, "the order is already CANCELLING"));
            }
        }

        @Test
        void aShipmentScheduledWhileItUnwindsNeverConfirmsIt() {
            var late = cancelling.noteShipmentScheduled(MUCH_LATER);

            assertThat(late).isInstanceOf(Transition.Ignored.class);
            assertThat(late.order().status()).isEqualTo(OrderStatus.CANCELLING);
        }

        @Test
        void theReleaseThatEndsTheUnwindingCancelsItWithTheCancellationsCause() {
            var released = (Transition.Changed) cancelling.noteInventoryReleased("CUSTOMER_CANCELLED", MUCH_LATER);

            assertThat(released.order().status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(released.order().failureReason()).isEqualTo("CUSTOMER_CANCELLED");
            assertThat(released.events())
                    .containsExactly(new OrderCancelled(pending.id(), OrderFixtures.CUSTOMER, "CUSTOMER_CANCELLED"));
        }

        @Test
        void anotherCompensationEndingFirstStillCancelsItForTheFirstCause() {
            var declined = (Transition.Changed) cancelling.noteInventoryReleased("PAYMENT_DECLINED", MUCH_LATER);
            var rejected = (Transition.Changed) cancelling.noteInventoryRejected("OUT_OF_STOCK", MUCH_LATER);

            assertThat(declined.order().failureReason()).isEqualTo("CUSTOMER_CANCELLED");
            assertThat(rejected.order().failureReason()).isEqualTo("CUSTOMER_CANCELLED");
            assertThat(rejected.events())
                    .containsExactly(new OrderCancelled(pending.id(), OrderFixtures.CUSTOMER, "CUSTOMER_CANCELLED"));
        }

        @Test
        void aConfirmedOrderIsNotCancelled() {
            Order confirmed = ((Transition.Changed) pending.noteShipmentScheduled(LATER)).order();

            var refused = confirmed.requestCancellation(CancellationReason.CUSTOMER_CANCELLED, MUCH_LATER);

            assertThat(refused).isEqualTo(new Transition.Ignored(confirmed, "the order is already CONFIRMED"));
        }

        @Test
        void anOrderCancelledForAnotherReasonKeepsIt() {
            Order cancelled = ((Transition.Changed) pending.noteInventoryRejected("OUT_OF_STOCK", LATER)).order();

            var again = cancelled.requestCancellation(CancellationReason.TIMED_OUT, MUCH_LATER);

            assertThat(again).isInstanceOf(Transition.Ignored.class);
            assertThat(again.order().failureReason()).isEqualTo("OUT_OF_STOCK");
        }

        @Test
        void theDeadlineFiringWhileTheLastStepCompletesEndsInExactlyOneOutcome() {
            // the shipment is scheduled first: the order is confirmed, and the deadline finds it final
            Order confirmed = ((Transition.Changed) pending.noteShipmentScheduled(LATER)).order();
            assertThat(confirmed.requestCancellation(CancellationReason.TIMED_OUT, LATER))
                    .isInstanceOf(Transition.Ignored.class);
            // the deadline fires first: the shipment that follows confirms nothing
            Order timedOut =
                    ((Transition.Changed) pending.requestCancellation(CancellationReason.TIMED_OUT, LATER)).order();
            assertThat(timedOut.noteShipmentScheduled(LATER)).isInstanceOf(Transition.Ignored.class);
            assertThat(timedOut.failureReason()).isEqualTo("TIMED_OUT");
        }
    }

    @Test
    void aCancelledOrderAlwaysHasItsReasonAndNoOtherOrderHasOne() {
        Order pending = OrderFixtures.pendingOrder();

        assertThatThrownBy(() -> new Order(
                        pending.id(),
                        pending.customerId(),
                        pending.lines(),
                        pending.shippingAddress(),
                        OrderStatus.CANCELLED,
                        null,
                        LATER,
                        LATER))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Order(
                        pending.id(),
                        pending.customerId(),
                        pending.lines(),
                        pending.shippingAddress(),
                        OrderStatus.CONFIRMED,
                        "OUT_OF_STOCK",
                        LATER,
                        LATER))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Order(
                        pending.id(),
                        pending.customerId(),
                        pending.lines(),
                        pending.shippingAddress(),
                        OrderStatus.CANCELLING,
                        null,
                        LATER,
                        LATER))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
