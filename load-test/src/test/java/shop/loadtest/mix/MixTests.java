package shop.loadtest.mix;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.loadtest.mix.Category.DECLINED;
import static shop.loadtest.mix.Category.HAPPY;
import static shop.loadtest.mix.Category.OUT_OF_STOCK;
import static shop.loadtest.mix.Category.UNSHIPPABLE;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MixTests {

    @Test
    void theDefaultMixOfAHundredOrdersIsExactlyItsPercentages() {
        assertThat(Mix.DEFAULT.counts(100)).isEqualTo(Map.of(HAPPY, 90, OUT_OF_STOCK, 4, DECLINED, 3, UNSHIPPABLE, 3));
    }

    @Test
    void countsAlwaysAddUpToTheOrdersByLargestRemainder() {
        // 10 orders: 9.0 happy, 0.4 out-of-stock, 0.3 declined, 0.3 unshippable -> the 0.4 gets the last one
        assertThat(Mix.DEFAULT.counts(10)).isEqualTo(Map.of(HAPPY, 9, OUT_OF_STOCK, 1, DECLINED, 0, UNSHIPPABLE, 0));
        for (int orders = 1; orders <= 250; orders++) {
            assertThat(Mix.DEFAULT.counts(orders).values().stream()
                            .mapToInt(Integer::intValue)
                            .sum())
                    .isEqualTo(orders);
            assertThat(Mix.DEFAULT.assign(orders)).hasSize(orders);
        }
    }

    @Test
    void theAssignmentIsDeterministicAndSpreadOverTheRun() {
        List<Category> first = Mix.DEFAULT.assign(100);

        assertThat(Mix.DEFAULT.assign(100)).isEqualTo(first);
        assertThat(first.stream().filter(category -> category == OUT_OF_STOCK)).hasSize(4);
        // four out-of-stock orders in a hundred: one in each quarter, not four at the start
        for (int quarter = 0; quarter < 4; quarter++) {
            assertThat(first.subList(quarter * 25, quarter * 25 + 25)).contains(OUT_OF_STOCK);
        }
    }

    @Test
    void aCategoryLeftOutGetsNothing() {
        Mix onlyHappy = Mix.parse("happy=100");

        assertThat(onlyHappy.assign(7)).containsOnly(HAPPY).hasSize(7);
        assertThat(onlyHappy.percent(DECLINED)).isZero();
    }

    @Test
    void printsAsItIsWritten() {
        assertThat(Mix.DEFAULT).hasToString("happy=90,out-of-stock=4,declined=3,unshippable=3");
    }
}
