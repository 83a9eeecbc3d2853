package shop.payment.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The payment of one order: charged once when its stock is reserved, then refunded at most once
 * if it cannot be shipped or is cancelled. Every outcome is kept, a declined one too, so that a
 * repeated or late event for the order is recognised and ignored; a cancellation that comes
 * before the charge leaves a tombstone, so that the charge, arriving later, takes nothing.
 *
 * <p>Whether the order is paid is decided here, from the balance its account holds ({@link
 * #charge}); the write that takes the money is guarded by the same rule, so that a charge
 * decided on a balance another one has spent meanwhile never overdraws the account.
 */
public record Payment(UUID orderId, String customerId, BigDecimal amount, PaymentStatus status, String failureReason) {

    public static final String DECLINED = "PAYMENT_DECLINED";

    public Payment {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(status, "status");
        amount = Money.exact(amount);
    }

    /**
     * The order's total asked of an account holding {@code balance} (empty: there is no such
     * account): paid if the balance covers it, declined otherwise.
     */
    public static Transition.Changed charge(
            UUID orderId, String customerId, BigDecimal amount, Optional<BigDecimal> balance) {
        BigDecimal asked = Money.exact(amount);
        boolean covered = balance.map(held -> held.compareTo(asked) >= 0).orElse(false);
        return covered ? charged(orderId, customerId, asked) : declined(orderId, customerId, asked);
    }

    /** The account gave the order's total. */
    public static Transition.Changed charged(UUID orderId, String customerId, BigDecimal amount) {
        Payment payment = new Payment(orderId, customerId, amount, PaymentStatus.COMPLETED, null);
        return new Transition.Changed(payment, List.of(new PaymentCompleted(orderId, customerId, payment.amount())));
    }

    /** The account could not give the order's total, or there is no such account. */
    public static Transition.Changed declined(UUID orderId, String customerId, BigDecimal amount) {
        Payment payment = new Payment(orderId, customerId, amount, PaymentStatus.DECLINED, DECLINED);
        return new Transition.Changed(
                payment, List.of(new PaymentDeclined(orderId, customerId, payment.amount(), DECLINED)));
    }

    /**
     * The order will not be delivered, for {@code reason}: a completed payment goes back to the
     * customer. A declined payment took nothing and a refunded one was already given back, so
     * for them nothing happens.
     */
    public Transition refund(String reason) {
        Objects.requireNonNull(reason, "reason");
        if (status != PaymentStatus.COMPLETED) {
            return new Transition.Ignored(this, "the payment is " + status + ": nothing to refund");
        }
        Payment refunded = new Payment(orderId, customerId, amount, PaymentStatus.REFUNDED, reason);
        return new Transition.Changed(refunded, List.of(new PaymentRefunded(orderId, customerId, amount, reason)));
    }

    /**
     * The order is being cancelled, for {@code reason}: a completed payment is refunded. In every
     * other state nothing is held, and payment still answers, so that the cancellation goes on
     * to inventory.
     */
    public Transition cancel(String reason) {
        Objects.requireNonNull(reason, "reason");
        if (status == PaymentStatus.COMPLETED) {
            return refund(reason);
        }
        return new Transition.Changed(this, List.of(new PaymentCancelled(orderId, customerId, reason)));
    }

    /** The order is being cancelled before it was charged: the tombstone makes a later charge take nothing. */
    public static Transition.Changed cancelBeforeCharging(UUID orderId, String customerId, String reason) {
        Objects.requireNonNull(reason, "reason");
        Payment tombstone = new Payment(orderId, customerId, BigDecimal.ZERO, PaymentStatus.CANCELLED, reason);
        return new Transition.Changed(tombstone, List.of(new PaymentCancelled(orderId, customerId, reason)));
    }
}
