package shop.loadtest.mix;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The share of each category in a run, in whole percent adding up to 100. */
public record Mix(Map<Category, Integer> percentages) {

    public static final Mix DEFAULT = parse("happy=90,out-of-stock=4,declined=3,unshippable=3");

    public Mix {
        percentages = new EnumMap<>(percentages);
        int sum = percentages.values().stream().mapToInt(Integer::intValue).sum();
        if (sum != 100) {
            throw new IllegalArgumentException("the mix adds up to " + sum + "%, not 100%");
        }
    }

    /** Parses {@code happy=90,out-of-stock=4,...}; a category left out gets 0%. */
    public static Mix parse(String text) {
        Map<Category, Integer> percentages = new EnumMap<>(Category.class);
        for (String part : text.split(",")) {
            String[] pair = part.trim().split("=", -1);
            if (pair.length != 2) {
                throw new IllegalArgumentException("mix entries look like happy=90, not '" + part + "'");
            }
            Category category = Category.ofLabel(pair[0].trim());
            int percent = parsePercent(pair[1].trim());
            if (percentages.put(category, percent) != null) {
                throw new IllegalArgumentException("'" + category.label() + "' appears twice in the mix");
            }
        }
        return new Mix(percentages);
    }

    private static int parsePercent(String text) {
        try {
            int percent = Integer.parseInt(text);
            if (percent >= 0 && percent <= 100) {
                return percent;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("a mix share is a whole percent from 0 to 100, not '" + text + "'");
    }

    public int percent(Category category) {
        return percentages.getOrDefault(category, 0);
    }

    /**
     * The category of each of {@code orders} orders: the counts follow the percentages (largest
     * remainder, so they add up to {@code orders}), and each category is spread evenly over the
     * run rather than bunched at its start, so every phase of a run sees the whole mix.
     */
    public List<Category> assign(int orders) {
        Map<Category, Integer> counts = counts(orders);
        record Slot(double position, Category category) {}
        List<Slot> slots = new ArrayList<>(orders);
        counts.forEach((category, count) -> {
            for (int k = 0; k < count; k++) {
                slots.add(new Slot((k + 0.5) / count, category));
            }
        });
        slots.sort(Comparator.comparingDouble(Slot::position).thenComparing(Slot::category));
        return slots.stream().map(Slot::category).toList();
    }

    /** How many of {@code orders} orders fall in each category the mix names. */
    public Map<Category, Integer> counts(int orders) {
        Map<Category, Integer> counts = new EnumMap<>(Category.class);
        List<Category> byRemainder = new ArrayList<>();
        int assigned = 0;
        for (Category category : percentages.keySet()) {
            long share = (long) orders * percent(category);
            counts.put(category, (int) (share / 100));
            assigned += (int) (share / 100);
            if (percent(category) > 0) {
                byRemainder.add(category);
            }
        }
        byRemainder.sort(Comparator.comparingLong((Category c) -> -(((long) orders * percent(c)) % 100))
                .thenComparing(Comparator.naturalOrder()));
        for (int i = 0; assigned < orders; i++, assigned++) {
            counts.merge(byRemainder.get(i), 1, Integer::sum);
        }
        return counts;
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        percentages.forEach((category, percent) -> parts.add(category.label() + "=" + percent));
        return String.join(",", parts);
    }
}
