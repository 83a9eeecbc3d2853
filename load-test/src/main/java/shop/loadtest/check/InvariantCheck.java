package shop.loadtest.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import shop.loadtest.mix.Category;
import shop.loadtest.plan.CustomerSpec;
import shop.loadtest.plan.Line;
import shop.loadtest.plan.Plan;
import shop.loadtest.plan.ProductSpec;
import shop.loadtest.shop.CustomerView;
import shop.loadtest.shop.ProductView;
import shop.loadtest.shop.StatusEvent;

/**
 * Checks a run's end state against its plan: stock and money conserved for each product and
 * customer the run created, and each order's outcome what its mix category calls for.
 */
public final class InvariantCheck {

    /** Enough to see what went wrong without drowning the report. */
    private static final int MAX_PROBLEMS = 20;

    private final List<String> problems = new ArrayList<>();

    private InvariantCheck() {}

    /**
     * @param mayTimeOut the indexes of the planned orders that may also end CANCELLED/TIMED_OUT:
     *     those a fault longer than the saga's deadline caught in flight
     */
    public static Verdict check(
            Plan plan,
            List<Audited> orders,
            Map<String, ProductView> products,
            Map<String, CustomerView> customers,
            Set<Integer> mayTimeOut) {
        var check = new InvariantCheck();
        boolean stock = check.stockConserved(plan, orders, products);
        boolean money = check.moneyConserved(plan, orders, customers);
        boolean outcomes = check.expectedOutcomes(plan, orders, mayTimeOut);
        return new Verdict(stock, money, outcomes, List.copyOf(check.problems));
    }

    /** available + reserved = initial - units of CONFIRMED orders, nothing left reserved (no restocks here). */
    private boolean stockConserved(Plan plan, List<Audited> orders, Map<String, ProductView> products) {
        boolean holds = true;
        for (ProductSpec spec : plan.products()) {
            int sold = orders.stream()
                    .filter(order -> order.is(StatusEvent.CONFIRMED))
                    .flatMap(order -> order.planned().lines().stream())
                    .filter(line -> line.sku().equals(spec.sku()))
                    .mapToInt(Line::quantity)
                    .sum();
            ProductView product = products.get(spec.sku());
            if (product == null) {
                holds = problem("product " + spec.sku() + " could not be read");
            } else if (product.available() + product.reserved() != spec.stock() - sold
                    || product.reserved() != 0
                    || product.available() < 0) {
                holds = problem("product " + spec.sku() + ": available " + product.available() + " + reserved "
                        + product.reserved() + ", expected " + (spec.stock() - sold) + " + 0 (initial "
                        + spec.stock() + ", sold " + sold + ")");
            }
        }
        return holds;
    }

    /** balance = initial - totals of CONFIRMED orders. */
    private boolean moneyConserved(Plan plan, List<Audited> orders, Map<String, CustomerView> customers) {
        boolean holds = true;
        for (CustomerSpec spec : plan.customers()) {
            BigDecimal spent = orders.stream()
                    .filter(order -> order.is(StatusEvent.CONFIRMED))
                    .filter(order -> order.planned().customerId().equals(spec.customerId()))
                    .map(order -> order.view().orElseThrow().total())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            CustomerView customer = customers.get(spec.customerId());
            BigDecimal expected = spec.balance().subtract(spent);
            if (customer == null) {
                holds = problem("customer " + spec.customerId() + " could not be read");
            } else if (customer.balance().compareTo(expected) != 0) {
                holds = problem("customer " + spec.customerId() + ": balance " + customer.balance() + ", expected "
                        + expected + " (initial " + spec.balance() + ", spent " + spent + ")");
            }
        }
        return holds;
    }

    /**
     * happy → CONFIRMED, declined → CANCELLED/PAYMENT_DECLINED, unshippable →
     * CANCELLED/SHIPPING_UNAVAILABLE; out-of-stock orders race for the scarce stock, so exactly
     * min(stock, racers) of them are CONFIRMED and the rest CANCELLED/OUT_OF_STOCK; an order its
     * customer cancelled is CANCELLED/CUSTOMER_CANCELLED, or CONFIRMED if the saga ended first.
     */
    private boolean expectedOutcomes(Plan plan, List<Audited> orders, Set<Integer> mayTimeOut) {
        boolean holds = true;
        int racers = 0;
        int winners = 0;
        for (Audited order : orders) {
            String outcome = order.view()
                    .map(view ->
                            view.failureReason() == null ? view.status() : view.status() + "/" + view.failureReason())
                    .orElse("never accepted");
            Category category = order.planned().category();
            boolean expected = switch (category) {
                case HAPPY -> outcome.equals("CONFIRMED");
                case DECLINED -> outcome.equals("CANCELLED/PAYMENT_DECLINED");
                case UNSHIPPABLE -> outcome.equals("CANCELLED/SHIPPING_UNAVAILABLE");
                case OUT_OF_STOCK -> outcome.equals("CONFIRMED") || outcome.equals("CANCELLED/OUT_OF_STOCK");
                case CANCELLED_BY_CUSTOMER ->
                    outcome.equals("CONFIRMED") || outcome.equals("CANCELLED/CUSTOMER_CANCELLED");
            };
            if (!expected && mayTimeOut.contains(order.planned().index())) {
                expected = outcome.equals("CANCELLED/TIMED_OUT");
            }
            if (category == Category.OUT_OF_STOCK && !outcome.equals("CANCELLED/TIMED_OUT")) {
                racers++;
                winners += outcome.equals("CONFIRMED") ? 1 : 0;
            }
            if (!expected) {
                holds = problem("order #" + order.planned().index() + " (" + category.label() + ", "
                        + order.view().map(view -> view.orderId().toString()).orElse("no id") + "): " + outcome);
            }
        }
        int expectedWinners = Math.min(plan.scarce().stock(), racers);
        if (winners != expectedWinners) {
            holds = problem(winners + " out-of-stock racers CONFIRMED, expected " + expectedWinners);
        }
        return holds;
    }

    /** Notes a problem; always false, so that callers can write {@code holds = problem(...)}. */
    private boolean problem(String text) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(text);
        }
        return false;
    }
}
