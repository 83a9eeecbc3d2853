package shop.loadtest.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.loadtest.mix.Mix;
import shop.loadtest.plan.CustomerSpec;
import shop.loadtest.plan.Line;
import shop.loadtest.plan.Plan;
import shop.loadtest.plan.PlannedOrder;
import shop.loadtest.plan.ProductSpec;
import shop.loadtest.shop.CustomerView;
import shop.loadtest.shop.OrderView;
import shop.loadtest.shop.ProductView;

/** A hundred orders of the default mix (90 happy, 4 racing for 1 scarce unit, 3 declined, 3 unshippable). */
class InvariantCheckTests {

    final Plan plan = Plan.of("test", Mix.DEFAULT, 100);
    List<Audited> orders;
    Map<String, ProductView> products;
    Map<String, CustomerView> customers;

    @BeforeEach
    void givenEveryOrderEndedAsExpectedAndTheBooksBalance() {
        orders = new ArrayList<>();
        boolean scarceSold = false;
        for (PlannedOrder order : plan.orders()) {
            switch (order.category()) {
                case HAPPY -> orders.add(ended(order, "CONFIRMED", null));
                case DECLINED -> orders.add(ended(order, "CANCELLED", "PAYMENT_DECLINED"));
                case UNSHIPPABLE -> orders.add(ended(order, "CANCELLED", "SHIPPING_UNAVAILABLE"));
                case OUT_OF_STOCK -> {
                    orders.add(
                            scarceSold ? ended(order, "CANCELLED", "OUT_OF_STOCK") : ended(order, "CONFIRMED", null));
                    scarceSold = true;
                }
            }
        }
        products = new HashMap<>();
        for (ProductSpec product : plan.products()) {
            products.put(product.sku(), new ProductView(product.sku(), product.stock() - sold(product.sku()), 0));
        }
        customers = new HashMap<>();
        for (CustomerSpec customer : plan.customers()) {
            customers.put(
                    customer.customerId(),
                    new CustomerView(customer.customerId(), customer.balance().subtract(spent(customer.customerId()))));
        }
    }

    @Test
    void allHoldWhenTheEndStateMatchesThePlan() {
        Verdict verdict = check();

        assertThat(verdict.problems()).isEmpty();
        assertThat(verdict.allHold()).isTrue();
    }

    @Test
    void aReservationNotYetTurnedIntoASaleBreaksStockConservation() {
        String sku = plan.products().get(0).sku();
        ProductView product = products.get(sku);
        products.put(sku, new ProductView(sku, product.available() - 2, 2));

        Verdict verdict = check();

        assertThat(verdict.stockConserved()).isFalse();
        assertThat(verdict.moneyConserved()).isTrue();
        assertThat(verdict.problems()).singleElement().asString().contains(sku, "reserved 2");
    }

    @Test
    void aUnitSoldTwiceBreaksStockConservation() {
        String sku = plan.scarce().sku();
        products.put(sku, new ProductView(sku, -1, 0));

        assertThat(check().stockConserved()).isFalse();
    }

    @Test
    void aChargeNotRefundedBreaksMoneyConservation() {
        String customer = plan.customers().get(0).customerId();
        CustomerView account = customers.get(customer);
        customers.put(customer, new CustomerView(customer, account.balance().subtract(new BigDecimal("4.99"))));

        Verdict verdict = check();

        assertThat(verdict.moneyConserved()).isFalse();
        assertThat(verdict.stockConserved()).isTrue();
    }

    @Test
    void anUnreadableAccountBreaksMoneyConservation() {
        customers.remove(plan.customers().get(0).customerId());

        assertThat(check().moneyConserved()).isFalse();
    }

    @Test
    void aHappyOrderCancelledIsNotAnExpectedOutcome() {
        replace(firstOf("HAPPY"), "CANCELLED", "PAYMENT_DECLINED");

        Verdict verdict = check();

        assertThat(verdict.expectedOutcomes()).isFalse();
        assertThat(verdict.problems()).anySatisfy(problem -> assertThat(problem).contains("happy", "PAYMENT_DECLINED"));
    }

    @Test
    void anUnshippableOrderMustEndWithTheShippingReason() {
        replace(firstOf("UNSHIPPABLE"), "CANCELLED", "PAYMENT_DECLINED");

        assertThat(check().expectedOutcomes()).isFalse();
    }

    @Test
    void moreRacersWinningThanThereWasStockIsNotAnExpectedOutcome() {
        int loser = orders.stream()
                .filter(order -> order.planned().category().name().equals("OUT_OF_STOCK"))
                .filter(order -> order.is("CANCELLED"))
                .findFirst()
                .orElseThrow()
                .planned()
                .index();
        replace(loser, "CONFIRMED", null);

        Verdict verdict = check();

        assertThat(verdict.expectedOutcomes()).isFalse();
        assertThat(verdict.problems()).contains("2 out-of-stock racers CONFIRMED, expected 1");
    }

    @Test
    void anOrderNeverAcceptedIsNotAnExpectedOutcome() {
        int index = firstOf("DECLINED");
        orders.set(index, new Audited(plan.orders().get(index), Optional.empty()));

        assertThat(check().expectedOutcomes()).isFalse();
    }

    @Test
    void aTimedOutOrderIsExpectedOnlyWhereAFaultLongerThanTheDeadlineMayHaveCaughtIt() {
        int caught = firstOf("HAPPY");
        replace(caught, "CANCELLED", "TIMED_OUT");

        assertThat(check().expectedOutcomes()).isFalse();
        assertThat(InvariantCheck.check(plan, orders, products, customers, Set.of(caught))
                        .expectedOutcomes())
                .isTrue();
    }

    private Verdict check() {
        return InvariantCheck.check(plan, orders, products, customers, Set.of());
    }

    private int firstOf(String category) {
        return plan.orders().stream()
                .filter(order -> order.category().name().equals(category))
                .findFirst()
                .orElseThrow()
                .index();
    }

    private void replace(int index, String status, String reason) {
        orders.set(index, ended(plan.orders().get(index), status, reason));
    }

    private int sold(String sku) {
        return orders.stream()
                .filter(order -> order.is("CONFIRMED"))
                .flatMap(order -> order.planned().lines().stream())
                .filter(line -> line.sku().equals(sku))
                .mapToInt(Line::quantity)
                .sum();
    }

    private BigDecimal spent(String customerId) {
        return orders.stream()
                .filter(order -> order.is("CONFIRMED"))
                .filter(order -> order.planned().customerId().equals(customerId))
                .map(order -> order.view().orElseThrow().total())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private Audited ended(PlannedOrder order, String status, String reason) {
        return new Audited(
                order,
                Optional.of(
                        new OrderView(UUID.randomUUID(), order.customerId(), status, reason, total(order), List.of())));
    }

    private BigDecimal total(PlannedOrder order) {
        return order.lines().stream()
                .map(line -> price(line.sku()).multiply(BigDecimal.valueOf(line.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private BigDecimal price(String sku) {
        return plan.products().stream()
                .filter(product -> product.sku().equals(sku))
                .findFirst()
                .orElseThrow()
                .price();
    }
}
