package shop.loadtest.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import shop.loadtest.mix.Category;
import shop.loadtest.mix.Mix;

/**
 * Everything a run creates and places, decided before it starts: its own products and customers
 * (named after the run, so runs never share state) and one planned order per mix slot.
 */
public record Plan(
        String runId,
        List<ProductSpec> products,
        List<CustomerSpec> customers,
        ProductSpec scarce,
        List<PlannedOrder> orders) {

    private static final BigDecimal[] PRICES = {
        new BigDecimal("4.99"), new BigDecimal("12.50"), new BigDecimal("7.25"), new BigDecimal("19.00")
    };
    /** Several accounts, so that charges do not all queue on one row. */
    private static final int RICH_CUSTOMERS = 16;

    private static final int POOR_CUSTOMERS = 2;
    private static final BigDecimal RICH_BALANCE = new BigDecimal("1000000.00");
    private static final int MAX_STOCK = 1_000_000;

    public static Plan of(String runId, Mix mix, int orders) {
        String prefix = "lt-" + runId + "-";
        List<ProductSpec> plentiful = new ArrayList<>();
        for (int i = 0; i < PRICES.length; i++) {
            // every order takes at most 3 units of one product, so this never runs out
            int stock = (int) Math.min(MAX_STOCK, 3L * orders + 10);
            plentiful.add(new ProductSpec(prefix + "p" + i, "Load test product " + i, PRICES[i], stock));
        }
        int racers = mix.counts(orders).getOrDefault(Category.OUT_OF_STOCK, 0);
        // far fewer units than racers, so that most of them lose the race
        ProductSpec scarce = new ProductSpec(
                prefix + "scarce", "Load test scarce product", new BigDecimal("5.00"), Math.max(1, racers / 4));
        List<CustomerSpec> rich = new ArrayList<>();
        for (int i = 0; i < RICH_CUSTOMERS; i++) {
            rich.add(new CustomerSpec(prefix + "rich" + i, "Load test rich " + i, RICH_BALANCE));
        }
        List<CustomerSpec> poor = new ArrayList<>();
        for (int i = 0; i < POOR_CUSTOMERS; i++) {
            poor.add(new CustomerSpec(prefix + "poor" + i, "Load test poor " + i, new BigDecimal("0.00")));
        }

        List<PlannedOrder> planned = new ArrayList<>(orders);
        List<Category> categories = mix.assign(orders);
        for (int i = 0; i < orders; i++) {
            String richOne = rich.get(i % rich.size()).customerId();
            String product = plentiful.get(i % plentiful.size()).sku();
            Category category = categories.get(i);
            PlannedOrder order = switch (category) {
                case HAPPY -> order(i, category, richOne, new Line(product, 1 + i % 3), "GB");
                case OUT_OF_STOCK -> order(i, category, richOne, new Line(scarce.sku(), 1), "GB");
                case DECLINED -> order(i, category, poor.get(i % poor.size()).customerId(), new Line(product, 1), "GB");
                case UNSHIPPABLE -> order(i, category, richOne, new Line(product, 1), "AQ");
                case CANCELLED_BY_CUSTOMER -> order(i, category, richOne, new Line(product, 1 + i % 3), "GB");
            };
            planned.add(order);
        }
        List<ProductSpec> products = new ArrayList<>(plentiful);
        if (racers > 0) {
            products.add(scarce);
        }
        List<CustomerSpec> customers = new ArrayList<>(rich);
        customers.addAll(poor);
        return new Plan(runId, List.copyOf(products), List.copyOf(customers), scarce, List.copyOf(planned));
    }

    private static PlannedOrder order(int index, Category category, String customer, Line line, String country) {
        return new PlannedOrder(index, category, customer, List.of(line), country, UUID.randomUUID());
    }

    public Map<String, Integer> initialStock() {
        return products.stream().collect(java.util.stream.Collectors.toMap(ProductSpec::sku, ProductSpec::stock));
    }

    public Map<String, BigDecimal> initialBalances() {
        return customers.stream()
                .collect(java.util.stream.Collectors.toMap(CustomerSpec::customerId, CustomerSpec::balance));
    }
}
