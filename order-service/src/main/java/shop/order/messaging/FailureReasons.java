package shop.order.messaging;

/** A compensation event without its cause breaks the contract: it cannot be handled, ever. */
final class FailureReasons {

    private FailureReasons() {}

    static void require(String failureReason) {
        if (failureReason == null || failureReason.isBlank()) {
            throw new IllegalArgumentException("failureReason is required");
        }
    }
}
