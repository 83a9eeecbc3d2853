package shop.order.web;

import shop.platform.web.InvalidRequestException;

/** The optional {@code Idempotency-Key} request header: 1 to 200 visible ASCII characters. */
final class IdempotencyKeyHeader {

    static final String NAME = "Idempotency-Key";
    private static final int MAX_LENGTH = 200;

    private IdempotencyKeyHeader() {}

    /** The key, checked; an invalid one is a 400. */
    static String checked(String value) {
        if (value.isEmpty() || value.length() > MAX_LENGTH || !value.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new InvalidRequestException(NAME, "must be 1 to 200 visible ASCII characters");
        }
        return value;
    }
}
