package shop.payment.payment;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import shop.payment.account.Accounts;
import shop.payment.messaging.PaymentMessages;
import shop.payment.payment.domain.Payment;
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
            return accounts.debit(charge.customerId(), charge.amount())
                    .flatMap(debited -> debited ? complete(charge) : decline(charge));
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

    private Mono<Void> complete(Charge charge) {
        var charged = Payment.charged(charge.orderId(), charge.customerId(), charge.amount());
        return payments.insert(charged.payment())
                .then(outbox.append(PaymentMessages.completed(charged.event(), charge.shippingAddress())));
    }

    private Mono<Void> decline(Charge charge) {
        var declined = Payment.declined(charge.orderId(), charge.customerId(), charge.amount());
        return payments.insert(declined.payment()).then(outbox.append(PaymentMessages.declined(declined.event())));
    }
}
