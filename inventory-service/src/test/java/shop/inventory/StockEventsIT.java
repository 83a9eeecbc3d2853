package shop.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static shop.inventory.InventoryFixture.TO_ORDER;
import static shop.inventory.InventoryFixture.TO_PAYMENT;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import shop.inventory.InventoryFixture.Received;
import shop.inventory.InventoryFixture.Stock;
import shop.platform.testing.Contracts;
import shop.platform.testing.TestInfrastructure;
import tools.jackson.databind.json.JsonMapper;

/** Inventory's saga steps against real PostgreSQL and RabbitMQ; each test has products and orders of its own. */
class StockEventsIT {

    @RegisterExtension
    static final TestInfrastructure infra = new TestInfrastructure();

    static InventoryFixture inventory;

    @BeforeAll
    static void start() {
        inventory = new InventoryFixture(infra).start();
    }

    @Test
    void anOrderThatFitsTheStockIsReservedAndAnnouncedToPayment() {
        String book = inventory.product("BOOK", "24.99", 5);
        String pen = inventory.product("PEN", "9.99", 3);
        UUID orderId = UUID.randomUUID();

        UUID placed = inventory.placeOrder(orderId, book, 2, pen, 1);

        Received reserved = inventory.awaitEvent(TO_PAYMENT, orderId, "InventoryReserved");
        assertThat(reserved.field("causationId")).isEqualTo(placed.toString());
        assertThat(reserved.properties().<String>getHeader("causationId")).isEqualTo(placed.toString());
        assertThat(reserved.field("customerId")).isEqualTo("customer-ada");
        assertThat(reserved.body().get("items").toString())
                .isEqualTo(
                        "[{\"sku\":\"%s\",\"quantity\":2,\"unitPrice\":24.99},{\"sku\":\"%s\",\"quantity\":1,\"unitPrice\":9.99}]"
                                .formatted(book, pen));
        assertThat(reserved.body().get("total").decimalValue()).isEqualByComparingTo("59.97");
        assertThat(reserved.body().get("shippingAddress"))
                .isEqualTo(JsonMapper.shared()
                        .readTree(Contracts.json("order.events", "OrderPlaced", 1))
                        .get("shippingAddress"));
        assertThat(inventory.stock(book)).isEqualTo(new Stock(3, 2));
        assertThat(inventory.stock(pen)).isEqualTo(new Stock(2, 1));
        assertThat(inventory.reservationStatus(orderId)).hasValue("RESERVED");
    }

    @Test
    void oneShortLineRejectsTheWholeOrderAndHoldsNothing() {
        String book = inventory.product("BOOK", "24.99", 5);
        String pen = inventory.product("PEN", "9.99", 0);
        UUID orderId = UUID.randomUUID();

        UUID placed = inventory.placeOrder(orderId, book, 2, pen, 1);

        Received rejected = inventory.awaitEvent(TO_ORDER, orderId, "InventoryRejected");
        assertThat(rejected.field("causationId")).isEqualTo(placed.toString());
        assertThat(rejected.field("failureReason")).isEqualTo("OUT_OF_STOCK");
        assertThat(rejected.field("detail")).isEqualTo(pen + ": 1 requested, 0 available");
        assertThat(inventory.stock(book)).isEqualTo(new Stock(5, 0));
        assertThat(inventory.stock(pen)).isEqualTo(new Stock(0, 0));
        assertThat(inventory.reservationStatus(orderId)).hasValue("REJECTED");
        inventory.awaitOutboxSent();
        assertThat(inventory.eventsAbout(orderId, TO_PAYMENT))
                .extracting(Received::type)
                .containsExactly("InventoryRejected");
    }

    @Test
    void anUnknownSkuRejectsTheOrder() {
        String book = inventory.product("BOOK", "24.99", 5);
        UUID orderId = UUID.randomUUID();

        inventory.placeOrder(orderId, book, 1, "NO-SUCH-SKU", 1);

        Received rejected = inventory.awaitEvent(TO_ORDER, orderId, "InventoryRejected");
        assertThat(rejected.field("failureReason")).isEqualTo("UNKNOWN_PRODUCT");
        assertThat(rejected.field("detail")).isEqualTo("NO-SUCH-SKU: not in the catalog");
        assertThat(inventory.stock(book)).isEqualTo(new Stock(5, 0));
        assertThat(inventory.reservationStatus(orderId)).hasValue("REJECTED");
    }

    @Test
    void aDeclinedPaymentReleasesTheReservationOnceAndSaysWhy() {
        String book = inventory.product("BOOK", "24.99", 5);
        UUID orderId = UUID.randomUUID();
        inventory.placeOrder(orderId, book, 2);
        inventory.awaitEvent(TO_PAYMENT, orderId, "InventoryReserved");

        UUID declined = inventory.declinePayment(orderId);

        Received released = inventory.awaitEvent(TO_ORDER, orderId, "InventoryReleased");
        assertThat(released.field("causationId")).isEqualTo(declined.toString());
        assertThat(released.field("customerId")).isEqualTo("customer-ada");
        assertThat(released.field("failureReason")).isEqualTo("PAYMENT_DECLINED");
        assertThat(inventory.stock(book)).isEqualTo(new Stock(5, 0));
        assertThat(inventory.reservationStatus(orderId)).hasValue("RELEASED");

        // A refund arriving later for the same order is stale: nothing moves, nothing is announced.
        UUID refunded = inventory.refundPayment(orderId);
        await().atMost(Duration.ofSeconds(10)).until(() -> handled(refunded));
        inventory.awaitOutboxSent();
        assertThat(inventory.stock(book)).isEqualTo(new Stock(5, 0));
        assertThat(inventory.eventsAbout(orderId, TO_ORDER))
                .extracting(Received::type)
                .containsExactly("InventoryReserved", "InventoryReleased");
    }

    @Test
    void aConfirmedOrderTurnsItsReservationIntoASale() {
        String book = inventory.product("BOOK", "24.99", 5);
        UUID orderId = UUID.randomUUID();
        inventory.placeOrder(orderId, book, 2);
        inventory.awaitEvent(TO_PAYMENT, orderId, "InventoryReserved");

        UUID confirmed = inventory.confirmOrder(orderId);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> inventory.reservationStatus(orderId).orElseThrow().equals("SOLD"));
        assertThat(inventory.stock(book)).isEqualTo(new Stock(3, 0));

        // Confirmed again (another event id) and declined late: both stale, the sale stands.
        UUID again = inventory.confirmOrder(orderId);
        UUID declined = inventory.declinePayment(orderId);
        await().atMost(Duration.ofSeconds(10)).until(() -> handled(confirmed) && handled(again) && handled(declined));
        inventory.awaitOutboxSent();
        assertThat(inventory.stock(book)).isEqualTo(new Stock(3, 0));
        assertThat(inventory.reservationStatus(orderId)).hasValue("SOLD");
        assertThat(inventory.eventsAbout(orderId, TO_ORDER))
                .extracting(Received::type)
                .containsExactly("InventoryReserved");
    }

    @Test
    void aDuplicateOrderPlacedChangesNothingAndIsAnnouncedOnce() {
        String book = inventory.product("BOOK", "24.99", 5);
        UUID orderId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String body = InventoryFixture.orderPlaced(eventId, orderId, book, 2);
        double duplicatesBefore = inventory.acknowledged("duplicate");

        inventory.publish("order.events", "OrderPlaced", eventId, body);
        inventory.publish("order.events", "OrderPlaced", eventId, body);
        // The same order placed again under another event id is a repeat too.
        UUID repeat = inventory.placeOrder(orderId, book, 2);

        inventory.awaitEvent(TO_PAYMENT, orderId, "InventoryReserved");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> handled(repeat) && inventory.acknowledged("duplicate") > duplicatesBefore);
        inventory.awaitOutboxSent();
        assertThat(inventory.stock(book)).isEqualTo(new Stock(3, 2));
        assertThat(inventory.count("SELECT count(*) FROM platform.outbox WHERE order_id = '" + orderId + "'"))
                .isEqualTo(1);
        assertThat(inventory.eventsAbout(orderId, TO_PAYMENT, TO_ORDER)).hasSize(1);
    }

    @Test
    void manyOrdersRacingForTheLastUnitsNeverOversell() {
        String scarce = inventory.product("SCARCE", "5.00", 5);
        List<UUID> orders = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            orders.add(UUID.randomUUID());
        }

        orders.forEach(orderId -> inventory.placeOrder(orderId, scarce, 1));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> orders.stream()
                        .allMatch(
                                orderId -> inventory.reservationStatus(orderId).isPresent()));
        assertThat(orders.stream()
                        .map(orderId -> inventory.reservationStatus(orderId).orElseThrow()))
                .filteredOn("RESERVED"::equals)
                .hasSize(5);
        assertThat(inventory.stock(scarce)).isEqualTo(new Stock(0, 5));
        inventory.awaitOutboxSent();
        List<String> outcomes = orders.stream()
                .map(orderId -> inventory.eventsAbout(orderId, TO_PAYMENT, TO_ORDER))
                .map(events -> events.size() == 1 ? events.get(0).type() : "events: " + events.size())
                .toList();
        assertThat(outcomes).filteredOn("InventoryReserved"::equals).hasSize(5);
        assertThat(outcomes).filteredOn("InventoryRejected"::equals).hasSize(15);
    }

    @Test
    void aCancellationGivesAHeldReservationBackAndAnswersTheOrder() {
        String book = inventory.product("BOOK", "24.99", 5);
        UUID orderId = UUID.randomUUID();
        inventory.placeOrder(orderId, book, 2);
        inventory.awaitEvent(TO_PAYMENT, orderId, "InventoryReserved");

        UUID cancelled = inventory.cancelPayment(orderId);

        Received released = inventory.awaitEvent(TO_ORDER, orderId, "InventoryReleased");
        assertThat(released.field("causationId")).isEqualTo(cancelled.toString());
        assertThat(released.field("failureReason")).isEqualTo("CUSTOMER_CANCELLED");
        assertThat(inventory.stock(book)).isEqualTo(new Stock(5, 0));
        assertThat(inventory.reservationStatus(orderId)).hasValue("RELEASED");
    }

    @Test
    void aCancellationBeforeItsOrderLeavesATombstoneSoTheLateOrderHoldsNothing() {
        String book = inventory.product("BOOK", "24.99", 5);
        UUID orderId = UUID.randomUUID();

        inventory.cancelPayment(orderId);
        Received released = inventory.awaitEvent(TO_ORDER, orderId, "InventoryReleased");
        assertThat(released.field("failureReason")).isEqualTo("CUSTOMER_CANCELLED");
        assertThat(inventory.reservationStatus(orderId)).hasValue("CANCELLED");

        UUID late = inventory.placeOrder(orderId, book, 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> handled(late));
        inventory.awaitOutboxSent();
        assertThat(inventory.stock(book)).isEqualTo(new Stock(5, 0));
        assertThat(inventory.reservationStatus(orderId)).hasValue("CANCELLED");
        assertThat(inventory.eventsAbout(orderId, TO_PAYMENT, TO_ORDER))
                .extracting(Received::type)
                .containsExactly("InventoryReleased");
    }

    private static boolean handled(UUID eventId) {
        return inventory.count("SELECT count(*) FROM platform.inbox WHERE event_id = '" + eventId + "'") == 1;
    }
}
