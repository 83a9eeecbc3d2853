package shop.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static shop.payment.PaymentFixtures.TO_INVENTORY;
import static shop.payment.PaymentFixtures.TO_SHIPPING;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import shop.platform.testing.TestInfrastructure;
import tools.jackson.databind.JsonNode;

/** The charge and refund handlers against real PostgreSQL and RabbitMQ; one service for the class. */
class PaymentEventsIT {

    @RegisterExtension
    static final TestInfrastructure infra = new TestInfrastructure();

    static PaymentFixtures payment;

    @BeforeAll
    static void start() {
        payment = new PaymentFixtures(infra);
    }

    @Test
    void aReservedOrderIsChargedItsExactTotalAndShippingIsToldWhere() {
        String ada = customer("ada");
        payment.openAccount(ada, "100.00");
        UUID order = UUID.randomUUID();

        UUID reserved = payment.inventoryReserved(order, ada, "59.97");

        JsonNode completed = payment.awaitEvents(TO_SHIPPING, order, 1).get(0);
        assertThat(completed.get("type").asString()).isEqualTo("PaymentCompleted");
        assertThat(completed.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(completed.get("causationId").asString()).isEqualTo(reserved.toString());
        assertThat(completed.get("customerId").asString()).isEqualTo(ada);
        assertThat(completed.get("amount").decimalValue()).isEqualTo(new BigDecimal("59.97"));
        assertThat(completed.get("shippingAddress")).isEqualTo(PaymentFixtures.shippingAddressOfTheExample());
        assertThat(payment.balance(ada)).isEqualTo(new BigDecimal("40.03"));
        assertThat(payment.paymentStatus(order)).isEqualTo("COMPLETED");
        payment.awaitOutboxSent();
        assertThat(payment.eventsFor(TO_INVENTORY, order)).isEmpty();
    }

    @Test
    void aBalanceTooLowDeclinesThePaymentAndTakesNothing() {
        String grace = customer("grace");
        payment.openAccount(grace, "50.00");
        UUID order = UUID.randomUUID();

        UUID reserved = payment.inventoryReserved(order, grace, "59.97");

        assertDeclined(payment.awaitEvents(TO_INVENTORY, order, 1).get(0), reserved, grace);
        assertThat(payment.balance(grace)).isEqualTo(new BigDecimal("50.00"));
        assertThat(payment.paymentStatus(order)).isEqualTo("DECLINED");
        payment.awaitOutboxSent();
        assertThat(payment.eventsFor(TO_SHIPPING, order)).isEmpty();
    }

    @Test
    void anUnknownCustomerIsDeclinedAndNoAccountAppears() {
        String nobody = customer("nobody");
        UUID order = UUID.randomUUID();

        UUID reserved = payment.inventoryReserved(order, nobody, "59.97");

        assertDeclined(payment.awaitEvents(TO_INVENTORY, order, 1).get(0), reserved, nobody);
        assertThat(payment.paymentStatus(order)).isEqualTo("DECLINED");
        assertThat(payment.balance(nobody)).isNull();
    }

    @Test
    void aFailedShipmentRefundsTheCompletedPaymentOnceWithItsReason() {
        String alan = customer("alan");
        payment.openAccount(alan, "100.00");
        UUID order = UUID.randomUUID();
        payment.inventoryReserved(order, alan, "59.97");
        payment.awaitEvents(TO_SHIPPING, order, 1);

        UUID failed = payment.shipmentFailed(order);

        JsonNode refunded = payment.awaitEvents(TO_INVENTORY, order, 1).get(0);
        assertThat(refunded.get("type").asString()).isEqualTo("PaymentRefunded");
        assertThat(refunded.get("causationId").asString()).isEqualTo(failed.toString());
        assertThat(refunded.get("customerId").asString()).isEqualTo(alan);
        assertThat(refunded.get("amount").decimalValue()).isEqualTo(new BigDecimal("59.97"));
        assertThat(refunded.get("failureReason").asString()).isEqualTo("SHIPPING_UNAVAILABLE");
        assertThat(payment.balance(alan)).isEqualTo(new BigDecimal("100.00"));
        assertThat(payment.paymentStatus(order)).isEqualTo("REFUNDED");

        UUID failedAgain = payment.shipmentFailed(order);
        payment.awaitHandled(failedAgain);
        payment.awaitOutboxSent();
        assertThat(payment.balance(alan)).isEqualTo(new BigDecimal("100.00"));
        assertThat(payment.eventsFor(TO_INVENTORY, order)).hasSize(1);
    }

    @Test
    void aShipmentFailureOfAnOrderWithoutPaymentChangesNothing() {
        UUID order = UUID.randomUUID();

        UUID failed = payment.shipmentFailed(order);

        payment.awaitHandled(failed);
        payment.awaitOutboxSent();
        assertThat(payment.paymentStatus(order)).isNull();
        assertThat(payment.eventsFor(TO_INVENTORY, order)).isEmpty();
    }

    @Test
    void aCancellationRefundsACompletedPaymentAndTellsInventory() {
        String alan = customer("alan");
        payment.openAccount(alan, "100.00");
        UUID order = UUID.randomUUID();
        payment.inventoryReserved(order, alan, "59.97");
        payment.awaitEvents(TO_SHIPPING, order, 1);

        UUID cancelled = payment.shipmentCancelled(order, alan);

        JsonNode refunded = payment.awaitEvents(TO_INVENTORY, order, 1).get(0);
        assertThat(refunded.get("type").asString()).isEqualTo("PaymentRefunded");
        assertThat(refunded.get("causationId").asString()).isEqualTo(cancelled.toString());
        assertThat(refunded.get("failureReason").asString()).isEqualTo("CUSTOMER_CANCELLED");
        assertThat(payment.balance(alan)).isEqualTo(new BigDecimal("100.00"));
        assertThat(payment.paymentStatus(order)).isEqualTo("REFUNDED");
    }

    @Test
    void aCancellationBeforeTheChargeLeavesATombstoneSoTheLateChargeTakesNothing() {
        String alan = customer("alan");
        payment.openAccount(alan, "100.00");
        UUID order = UUID.randomUUID();

        payment.shipmentCancelled(order, alan);
        JsonNode answer = payment.awaitEvents(TO_INVENTORY, order, 1).get(0);
        assertThat(answer.get("type").asString()).isEqualTo("PaymentCancelled");
        assertThat(answer.get("customerId").asString()).isEqualTo(alan);
        assertThat(answer.get("failureReason").asString()).isEqualTo("CUSTOMER_CANCELLED");
        assertThat(payment.paymentStatus(order)).isEqualTo("CANCELLED");

        UUID late = payment.inventoryReserved(order, alan, "59.97");
        payment.awaitHandled(late);
        payment.awaitOutboxSent();
        assertThat(payment.balance(alan)).isEqualTo(new BigDecimal("100.00"));
        assertThat(payment.paymentStatus(order)).isEqualTo("CANCELLED");
        assertThat(payment.eventsFor(TO_SHIPPING, order)).isEmpty();
        assertThat(payment.eventsFor(TO_INVENTORY, order)).hasSize(1);
    }

    @Test
    void aRepeatedInventoryReservedChargesOnce() {
        String edsger = customer("edsger");
        payment.openAccount(edsger, "100.00");
        UUID order = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();

        payment.inventoryReserved(eventId, order, edsger, "30.00");
        payment.inventoryReserved(eventId, order, edsger, "30.00");
        UUID sameOrderAgain = payment.inventoryReserved(order, edsger, "30.00");

        payment.awaitHandled(eventId);
        payment.awaitHandled(sameOrderAgain);
        await().atMost(Duration.ofSeconds(15)).until(() -> duplicatesAcknowledged() >= 1);
        payment.awaitOutboxSent();
        assertThat(payment.balance(edsger)).isEqualTo(new BigDecimal("70.00"));
        assertThat(payment.eventsFor(TO_SHIPPING, order)).hasSize(1);
        assertThat(payment.eventsFor(TO_SHIPPING, order)
                        .get(0)
                        .get("causationId")
                        .asString())
                .isEqualTo(eventId.toString());
    }

    @Test
    void aNegativeTotalIsDeadLetteredAndNeverCreditsTheAccount() {
        String kurt = customer("kurt");
        payment.openAccount(kurt, "10.00");
        UUID order = UUID.randomUUID();

        payment.inventoryReserved(order, kurt, "-5.00");

        JsonNode deadLetter = payment.awaitEvents("inventory.events.payment-service.dlq", order, 1)
                .get(0);
        assertThat(deadLetter.get("total").decimalValue()).isEqualByComparingTo("-5.00");
        assertThat(payment.balance(kurt)).isEqualTo(new BigDecimal("10.00"));
        assertThat(payment.paymentStatus(order)).isNull();
    }

    @Test
    void concurrentChargesOfOneCustomerNeverOverdrawTheAccount() {
        String barbara = customer("barbara");
        payment.openAccount(barbara, "95.00");
        List<UUID> orders =
                IntStream.range(0, 20).mapToObj(i -> UUID.randomUUID()).toList();

        orders.forEach(order -> payment.inventoryReserved(order, barbara, "10.00"));

        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        payment.database().count("SELECT count(*) FROM payments WHERE customer_id = '" + barbara + "'")
                                == 20);
        assertThat(payment.balance(barbara)).isEqualTo(new BigDecimal("5.00"));
        assertThat(count("COMPLETED", barbara)).isEqualTo(9);
        assertThat(count("DECLINED", barbara)).isEqualTo(11);
        payment.awaitOutboxSent();
        List<JsonNode> events = new ArrayList<>();
        for (UUID order : orders) {
            events.addAll(payment.eventsFor(TO_SHIPPING, order));
            events.addAll(payment.eventsFor(TO_INVENTORY, order));
        }
        assertThat(events)
                .hasSize(20)
                .allSatisfy(
                        event -> assertThat(event.get("amount").decimalValue()).isEqualByComparingTo("10.00"));
        assertThat(events)
                .filteredOn(event -> event.get("type").asString().equals("PaymentCompleted"))
                .hasSize(9);
        assertThat(events)
                .filteredOn(event -> event.get("type").asString().equals("PaymentDeclined"))
                .hasSize(11);
    }

    private static void assertDeclined(JsonNode declined, UUID causationId, String customerId) {
        assertThat(declined.get("type").asString()).isEqualTo("PaymentDeclined");
        assertThat(declined.get("causationId").asString()).isEqualTo(causationId.toString());
        assertThat(declined.get("customerId").asString()).isEqualTo(customerId);
        assertThat(declined.get("amount").decimalValue()).isEqualTo(new BigDecimal("59.97"));
        assertThat(declined.get("failureReason").asString()).isEqualTo("PAYMENT_DECLINED");
    }

    private static long count(String status, String customerId) {
        return payment.database()
                .count("SELECT count(*) FROM payments WHERE status = '" + status + "' AND customer_id = '" + customerId
                        + "'");
    }

    private static double duplicatesAcknowledged() {
        var counter = payment.app
                .getBean(io.micrometer.core.instrument.MeterRegistry.class)
                .find("shop.consumer.messages")
                .tag("queue", "inventory.events.payment-service")
                .tag("outcome", "duplicate")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static String customer(String name) {
        return name + "-" + UUID.randomUUID();
    }
}
