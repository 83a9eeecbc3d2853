package shop.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Products, orders and reservations for the domain's tests. */
final class StockFixtures {

    static final UUID ORDER = UUID.fromString("3f1c2a9e-8a4b-4c1e-9d2f-6b7a8c9d0e1f");
    static final String CUSTOMER = "customer-ada";

    private StockFixtures() {}

    static Product book(int available) {
        return new Product("BOOK-001", "The Analytical Engine", new BigDecimal("24.99"), available, 0);
    }

    static Product pen(int available) {
        return new Product("PEN-042", "Fountain pen", new BigDecimal("9.99"), available, 0);
    }

    static Map<String, Product> catalog(Product... products) {
        return Arrays.stream(products).collect(Collectors.toMap(Product::sku, Function.identity()));
    }

    static List<OrderLine> order(Object... skuAndQuantity) {
        return IntStream.range(0, skuAndQuantity.length / 2)
                .mapToObj(i -> new OrderLine((String) skuAndQuantity[2 * i], (Integer) skuAndQuantity[2 * i + 1]))
                .toList();
    }

    /** A reservation holding 2 books and 1 pen, and the stock as it stands after holding them. */
    static Transition.Changed reservedBooksAndPen() {
        return Reservation.place(ORDER, CUSTOMER, order("BOOK-001", 2, "PEN-042", 1), catalog(book(5), pen(3)));
    }

    static Map<String, Product> stockAfter(Transition.Changed change) {
        return catalog(change.products().toArray(Product[]::new));
    }

    /** The transition, which must be a change. */
    static Transition.Changed changed(Transition transition) {
        assertThat(transition).isInstanceOf(Transition.Changed.class);
        return (Transition.Changed) transition;
    }
}
