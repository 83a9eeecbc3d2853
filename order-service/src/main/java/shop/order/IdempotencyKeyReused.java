package shop.order;

/** The customer sent an Idempotency-Key again with a different request. */
public class IdempotencyKeyReused extends RuntimeException {

    public IdempotencyKeyReused() {
        super("this Idempotency-Key was already used with a different request");
    }
}
