package shop.loadtest.mix;

import java.util.Arrays;

/** What an order of the mix is meant to exercise, named as on the command line. */
public enum Category {
    HAPPY("happy"),
    OUT_OF_STOCK("out-of-stock"),
    DECLINED("declined"),
    UNSHIPPABLE("unshippable"),
    /** A happy order whose customer cancels it at a random moment after placing it. */
    CANCELLED_BY_CUSTOMER("cancelled-by-customer");

    private final String label;

    Category(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static Category ofLabel(String label) {
        return Arrays.stream(values())
                .filter(category -> category.label.equals(label))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown mix category '" + label
                        + "' (known: happy, out-of-stock, declined, unshippable," + " cancelled-by-customer)"));
    }
}
