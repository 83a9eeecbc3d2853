package shop.payment.payment.domain;

/** The outcome of a move of a payment: its new state to save and the event announcing it. */
public record Transition<E extends PaymentEvent>(Payment payment, E event) {}
