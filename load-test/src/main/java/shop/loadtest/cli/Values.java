package shop.loadtest.cli;

import java.net.URI;
import java.util.Arrays;

/** Reads option values that both command lines take; a bad one is a {@link UsageException} naming the option. */
public final class Values {

    private Values() {}

    public static double positiveNumber(String text, String name) {
        try {
            double value = Double.parseDouble(text);
            if (value > 0 && Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(name + " must be a number above 0, not '" + text + "'");
    }

    /** An absolute URL with a host and one of these schemes. */
    public static URI url(String text, String name, String... schemes) {
        try {
            URI uri = URI.create(text);
            if (Arrays.asList(schemes).contains(uri.getScheme()) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new UsageException(name + " must be a URL (" + String.join(" or ", schemes) + "), not '" + text + "'");
    }
}
