package shop.payment;

import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import shop.payment.domain.Payment;
import shop.payment.domain.PaymentRefunded;
import shop.payment.domain.PaymentStatus;
import shop.payment.domain.Transition;
import shop.payment.messaging.PaymentMessages;
import shop.platform.outbox.Outbox;

/**
 * Charges orders and refunds them. Each call runs in the caller's transaction (the consumer's,
 * which also records the event in the inbox), so the balance, the payment and the outgoing event
 * commit together or not at all.
 */
@Component
public class Cashier {

    private static final Logger log = LoggerFactory.getLogger(Cashier.class);

    private final Accounts accounts;
    private final Payments payments;
    private final Outbox outbox;

    Cashier(Accounts accounts, Payments payments, Outbox outbox) {
        this.accounts = accounts;
        this.payments = payments;
        this.outbox = outbox;
    }

    /** Charges the order once: a repeated request for an order already paid or declined changes nothing. */
    public Mono<Void> charge(Charge charge) {
        return payments.exists(charge.orderId()).flatMap(known -> {
            if (known) {
                log.info("Order {} already has a payment: charge not repeated", charge.orderId());
                return Mono.empty();
            }
            return decideAndSettle(charge);
        });
    }

    /** Gives a completed payment back because the order will not ship, for {@code reason}. */
    public Mono<Void> refund(UUID orderId, String reason) {
        return payments.lock(orderId)
                .switchIfEmpty(Mono.fromRunnable(() -> log.warn("No payment of order {} to refund", orderId)))
                .flatMap(payment -> settle(payment.refund(reason)));
    }

    /**
     * The order is being cancelled: a completed payment is refunded; either way payment answers.
     * Before any charge it leaves a tombstone; a charge racing past the lock meets it at the
     * payment's primary key, rolls back (its debit too), is retried and finds it.
     */
    public Mono<Void> cancel(UUID orderId, String customerId, String reason) {
        return payments.lock(orderId)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(found -> {
                    if (found.isPresent()) {
                        return settle(found.get().cancel(reason));
                    }
                    var tombstone = Payment.cancelBeforeCharging(orderId, customerId, reason);
                    return payments.insert(tombstone.payment())
                            .then(outbox.append(PaymentMessages.of(tombstone.events())));
                });
    }

    /** Stores what a refund or a cancellation decided; money goes back only with a PaymentRefunded. */
    private Mono<Void> settle(Transition transition) {
        if (transition instanceof Transition.Ignored ignored) {
            log.info("Nothing to refund for order {}: {}", ignored.payment().orderId(), ignored.reason());
            return Mono.empty();
        }
        var changed = (Transition.Changed) transition;
        Payment payment = changed.payment();
        Mono<Void> credit = changed.events().stream().anyMatch(PaymentRefunded.class::isInstance)
                ? accounts.credit(payment.customerId(), payment.amount())
                : Mono.empty();
        return credit.then(payments.update(payment)).then(outbox.append(PaymentMessages.of(changed.events())));
    }

    /**
     * The payment decides on the balance; a paid order's money is then taken with a guarded
     * write. If that finds less than the payment saw (another charge spent it meanwhile), the
     * payment decides again on what is left.
     */
    private Mono<Void> decideAndSettle(Charge charge) {
        return accounts.balance(charge.customerId())
                .map(balance -> Payment.charge(charge.orderId(), charge.customerId(), charge.amount(), balance))
                .flatMap(decided -> decided.payment().status() == PaymentStatus.COMPLETED
                        ? accounts.debit(charge.customerId(), decided.payment().amount())
                                .flatMap(taken -> taken ? save(decided, charge) : decideAndSettle(charge))
                        : save(decided, charge));
    }

    private Mono<Void> save(Transition.Changed charged, Charge charge) {
        return payments.insert(charged.payment())
                .then(outbox.append(PaymentMessages.ofCharge(charged.events(), charge.shippingAddress())));
    }
}
