package shop.payment.payment;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import shop.payment.account.Accounts;
import shop.payment.messaging.PaymentMessages;
import shop.payment.payment.domain.Payment;
import shop.payment.payment.domain.PaymentCompleted;
import shop.payment.payment.domain.PaymentDeclined;
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
                .flatMap(payment -> payment.refund(reason)
                        .map(refund -> accounts.credit(payment.customerId(), payment.amount())
                                .then(payments.update(refund.payment()))
                                .then(outbox.append(PaymentMessages.refunded(refund.event()))))
                        .orElseGet(() -> {
                            log.info("Payment of order {} is {}: nothing to refund", orderId, payment.status());
                            return Mono.empty();
                        }));
    }

    /**
     * The payment decides on the balance; a paid order's money is then taken with a guarded
     * write. If that finds less than the payment saw (another charge spent it meanwhile), the
     * payment decides again on what is left.
     */
    private Mono<Void> decideAndSettle(Charge charge) {
        return accounts.balance(charge.customerId())
                .map(balance -> Payment.charge(charge.orderId(), charge.customerId(), charge.amount(), balance))
                .flatMap(decided -> {
                    if (decided.event() instanceof PaymentCompleted completed) {
                        return accounts.debit(charge.customerId(), completed.amount())
                                .flatMap(taken -> taken
                                        ? payments.insert(decided.payment())
                                                .then(outbox.append(
                                                        PaymentMessages.completed(completed, charge.shippingAddress())))
                                        : decideAndSettle(charge));
                    }
                    return payments.insert(decided.payment())
                            .then(outbox.append(PaymentMessages.declined((PaymentDeclined) decided.event())));
                });
    }
}
