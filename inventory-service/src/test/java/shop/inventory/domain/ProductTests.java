package shop.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static shop.inventory.domain.StockFixtures.pen;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ProductTests {

    @Test
    void aListedProductHasItsFirstStockAvailableAndATwoDecimalPrice() {
        var product = Product.listed("PEN-042", "Fountain pen", new BigDecimal("9.9"), 7);

        assertThat(product.available()).isEqualTo(7);
        assertThat(product.reserved()).isZero();
        assertThat(product.price()).isEqualTo(new BigDecimal("9.90"));
    }

    @Test
    void restockingAddsAvailableUnits() {
        assertThat(pen(3).restock(4).available()).isEqualTo(7);
    }

    @Test
    void restockingBeyondTheLimitIsRefused() {
        var full = new Product("PEN-042", "Fountain pen", BigDecimal.ONE, Product.MAX_UNITS - 10, 10);

        assertThatThrownBy(() -> full.restock(1)).isInstanceOf(StockLimitExceededException.class);
    }

    @Test
    void unitsThatAreNotThereCannotBeHeldOrSold() {
        assertThatThrownBy(() -> pen(1).hold(2)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> pen(1).sell(1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Product("PEN-042", "Fountain pen", BigDecimal.ONE, -1, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
