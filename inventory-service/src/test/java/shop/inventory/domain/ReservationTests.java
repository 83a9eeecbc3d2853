package shop.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static shop.inventory.domain.StockFixtures.CUSTOMER;
import static shop.inventory.domain.StockFixtures.ORDER;
import static shop.inventory.domain.StockFixtures.book;
import static shop.inventory.domain.StockFixtures.catalog;
import static shop.inventory.domain.StockFixtures.changed;
import static shop.inventory.domain.StockFixtures.order;
import static shop.inventory.domain.StockFixtures.pen;
import static shop.inventory.domain.StockFixtures.reservedBooksAndPen;
import static shop.inventory.domain.StockFixtures.stockAfter;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ReservationTests {

    @Nested
    class Placing {

        @Test
        void holdsEveryLineAtTheCatalogPriceAndTotalsTheOrder() {
            // given 5 books and 3 pens; when an order for 2 books and 1 pen arrives
            var change =
                    Reservation.place(ORDER, CUSTOMER, order("BOOK-001", 2, "PEN-042", 1), catalog(book(5), pen(3)));

            // then both lines are held, priced and totalled
            assertThat(change.reservation().status()).isEqualTo(ReservationStatus.RESERVED);
            assertThat(change.reservation().total()).isEqualByComparingTo("59.97");
            assertThat(change.reservation().total().scale()).isEqualTo(2);
            assertThat(change.products())
                    .containsExactly(
                            new Product("BOOK-001", "The Analytical Engine", new BigDecimal("24.99"), 3, 2),
                            new Product("PEN-042", "Fountain pen", new BigDecimal("9.99"), 2, 1));
            assertThat(change.events())
                    .containsExactly(new InventoryEvent.Reserved(
                            ORDER,
                            CUSTOMER,
                            List.of(
                                    new ReservationLine("BOOK-001", 2, new BigDecimal("24.99")),
                                    new ReservationLine("PEN-042", 1, new BigDecimal("9.99"))),
                            new BigDecimal("59.97")));
        }

        @Test
        void mergesLinesOfTheSameSkuBeforeCheckingTheStock() {
            // given 3 books; when an order asks for 2 + 2 of them
            var change = Reservation.place(ORDER, CUSTOMER, order("BOOK-001", 2, "BOOK-001", 2), catalog(book(3)));

            // then the 4 books are more than there are
            assertThat(change.reservation().status()).isEqualTo(ReservationStatus.REJECTED);
            assertThat(change.events())
                    .containsExactly(new InventoryEvent.Rejected(
                            ORDER, CUSTOMER, RejectionReason.OUT_OF_STOCK, "BOOK-001: 4 requested, 3 available"));
        }

        @Test
        void mergedLinesAreHeldAsOne() {
            var change = Reservation.place(
                    ORDER, CUSTOMER, order("PEN-042", 1, "BOOK-001", 1, "PEN-042", 2), catalog(book(1), pen(3)));

            assertThat(change.reservation().lines())
                    .containsExactly(
                            new ReservationLine("BOOK-001", 1, new BigDecimal("24.99")),
                            new ReservationLine("PEN-042", 3, new BigDecimal("9.99")));
            assertThat(change.reservation().total()).isEqualByComparingTo("54.96");
        }

        @Test
        void holdsNothingWhenOneLineIsShort() {
            // given plenty of books but no pen
            var change =
                    Reservation.place(ORDER, CUSTOMER, order("BOOK-001", 2, "PEN-042", 1), catalog(book(5), pen(0)));

            // then nothing is held, and the rejection names the short sku and the numbers
            assertThat(change.products()).isEmpty();
            assertThat(change.reservation().status()).isEqualTo(ReservationStatus.REJECTED);
            assertThat(change.reservation().failureReason()).isEqualTo("OUT_OF_STOCK");
            assertThat(change.reservation().total()).isNull();
            assertThat(change.events())
                    .containsExactly(new InventoryEvent.Rejected(
                            ORDER, CUSTOMER, RejectionReason.OUT_OF_STOCK, "PEN-042: 1 requested, 0 available"));
        }

        @Test
        void anUnknownSkuRejectsTheOrderBeforeTheStockIsLookedAt() {
            var change = Reservation.place(ORDER, CUSTOMER, order("NOPE-1", 1, "PEN-042", 9), catalog(pen(0)));

            assertThat(change.products()).isEmpty();
            assertThat(change.reservation().status()).isEqualTo(ReservationStatus.REJECTED);
            assertThat(change.events())
                    .containsExactly(new InventoryEvent.Rejected(
                            ORDER, CUSTOMER, RejectionReason.UNKNOWN_PRODUCT, "NOPE-1: not in the catalog"));
        }

        @Test
        void quantitiesBeyondAnyStockAreOutOfStockRatherThanAnOverflow() {
            var change = Reservation.place(
                    ORDER,
                    CUSTOMER,
                    order("PEN-042", Integer.MAX_VALUE, "PEN-042", Integer.MAX_VALUE),
                    catalog(pen(3)));

            assertThat(change.reservation().status()).isEqualTo(ReservationStatus.REJECTED);
            assertThat(change.reservation().detail()).isEqualTo("PEN-042: 4294967294 requested, 3 available");
        }
    }

    @Nested
    class Releasing {

        @Test
        void givesTheHeldUnitsBackAndSaysWhy() {
            // given a reservation of 2 books and 1 pen
            var reserved = reservedBooksAndPen();

            // when the payment is declined
            var change = reserved.reservation().release("PAYMENT_DECLINED", stockAfter(reserved));

            // then the units are available again
            assertThat(change).isInstanceOf(Transition.Changed.class);
            assertThat(changed(change).reservation().status()).isEqualTo(ReservationStatus.RELEASED);
            assertThat(changed(change).reservation().failureReason()).isEqualTo("PAYMENT_DECLINED");
            assertThat(changed(change).products())
                    .extracting(Product::sku, Product::available, Product::reserved)
                    .containsExactly(tuple("BOOK-001", 5, 0), tuple("PEN-042", 3, 0));
            assertThat(changed(change).events())
                    .containsExactly(new InventoryEvent.Released(ORDER, CUSTOMER, "PAYMENT_DECLINED"));
        }

        @Test
        void aRepeatedReleaseChangesNothing() {
            var reserved = reservedBooksAndPen();
            var released = changed(reserved.reservation().release("PAYMENT_DECLINED", stockAfter(reserved)));

            assertThat(released.reservation().release("SHIPPING_UNAVAILABLE", stockAfter(released)))
                    .isInstanceOf(Transition.Ignored.class);
        }

        @Test
        void aRejectedOrderHasNothingToRelease() {
            var rejected = Reservation.place(ORDER, CUSTOMER, order("PEN-042", 1), catalog(pen(0)));

            assertThat(rejected.reservation().release("PAYMENT_DECLINED", catalog(pen(0))))
                    .isInstanceOf(Transition.Ignored.class);
        }

        @Test
        void aSoldOrderIsNotReleased() {
            var reserved = reservedBooksAndPen();
            var sold = changed(reserved.reservation().sell(stockAfter(reserved)));

            assertThat(sold.reservation().release("SHIPPING_UNAVAILABLE", stockAfter(sold)))
                    .isInstanceOf(Transition.Ignored.class);
        }
    }

    @Nested
    class Selling {

        @Test
        void theHeldUnitsLeaveTheStockAndNothingIsAnnounced() {
            var reserved = reservedBooksAndPen();

            var change = reserved.reservation().sell(stockAfter(reserved));

            assertThat(change).isInstanceOf(Transition.Changed.class);
            assertThat(changed(change).reservation().status()).isEqualTo(ReservationStatus.SOLD);
            assertThat(changed(change).products())
                    .extracting(Product::sku, Product::available, Product::reserved)
                    .containsExactly(tuple("BOOK-001", 3, 0), tuple("PEN-042", 2, 0));
            assertThat(changed(change).events()).isEmpty();
        }

        @Test
        void aRepeatedConfirmationChangesNothing() {
            var reserved = reservedBooksAndPen();
            var sold = changed(reserved.reservation().sell(stockAfter(reserved)));

            assertThat(sold.reservation().sell(stockAfter(sold))).isInstanceOf(Transition.Ignored.class);
        }

        @Test
        void aReleasedOrRejectedOrderIsNotSold() {
            var reserved = reservedBooksAndPen();
            var released = changed(reserved.reservation().release("PAYMENT_DECLINED", stockAfter(reserved)));
            var rejected = Reservation.place(ORDER, CUSTOMER, order("NOPE-1", 1), catalog());

            assertThat(released.reservation().sell(stockAfter(released))).isInstanceOf(Transition.Ignored.class);
            assertThat(rejected.reservation().sell(catalog())).isInstanceOf(Transition.Ignored.class);
        }
    }

    @Nested
    class Cancelling {

        @Test
        void aHeldReservationGivesItsUnitsBackAndSaysWhy() {
            var reserved = reservedBooksAndPen();

            var change = reserved.reservation().cancel("CUSTOMER_CANCELLED", stockAfter(reserved));

            assertThat(changed(change).reservation().status()).isEqualTo(ReservationStatus.RELEASED);
            assertThat(changed(change).products())
                    .extracting(Product::sku, Product::available, Product::reserved)
                    .containsExactly(tuple("BOOK-001", 5, 0), tuple("PEN-042", 3, 0));
            assertThat(changed(change).events())
                    .containsExactly(new InventoryEvent.Released(ORDER, CUSTOMER, "CUSTOMER_CANCELLED"));
        }

        @Test
        void withNothingHeldItStillAnswersAndGivesNothingBack() {
            var reserved = reservedBooksAndPen();
            var released = changed(reserved.reservation().release("PAYMENT_DECLINED", stockAfter(reserved)));
            var rejected = Reservation.place(ORDER, CUSTOMER, order("PEN-042", 1), catalog(pen(0)));

            for (var nothingHeld : List.of(released, rejected)) {
                var change = changed(nothingHeld.reservation().cancel("CUSTOMER_CANCELLED", stockAfter(nothingHeld)));

                assertThat(change.reservation()).isEqualTo(nothingHeld.reservation());
                assertThat(change.products()).isEmpty();
                assertThat(change.events())
                        .containsExactly(new InventoryEvent.Released(ORDER, CUSTOMER, "CUSTOMER_CANCELLED"));
            }
        }

        @Test
        void aSoldReservationBelongsToAConfirmedOrderAndIsNotCancelled() {
            var reserved = reservedBooksAndPen();
            var sold = changed(reserved.reservation().sell(stockAfter(reserved)));

            assertThat(sold.reservation().cancel("TIMED_OUT", stockAfter(sold))).isInstanceOf(Transition.Ignored.class);
        }

        @Test
        void beforeTheOrderArrivesItLeavesATombstoneThatHoldsNothing() {
            var tombstone = Reservation.cancelBeforePlacing(ORDER, CUSTOMER, "TIMED_OUT");

            assertThat(tombstone.reservation().status()).isEqualTo(ReservationStatus.CANCELLED);
            assertThat(tombstone.reservation().lines()).isEmpty();
            assertThat(tombstone.reservation().heldSkus()).isEmpty();
            assertThat(tombstone.products()).isEmpty();
            assertThat(tombstone.events()).containsExactly(new InventoryEvent.Released(ORDER, CUSTOMER, "TIMED_OUT"));
        }

        @Test
        void aRepeatedCancellationOfATombstoneAnswersAgainAndHoldsNothing() {
            var tombstone = Reservation.cancelBeforePlacing(ORDER, CUSTOMER, "TIMED_OUT");

            var again = changed(tombstone.reservation().cancel("TIMED_OUT", catalog()));

            assertThat(again.reservation()).isEqualTo(tombstone.reservation());
            assertThat(again.products()).isEmpty();
            assertThat(tombstone.reservation().sell(catalog())).isInstanceOf(Transition.Ignored.class);
            assertThat(tombstone.reservation().release("PAYMENT_DECLINED", catalog()))
                    .isInstanceOf(Transition.Ignored.class);
        }
    }
}
