package shop.payment.messaging;

/**
 * Where an order goes, as OrderPlaced gave it. Payment does not read it: it carries it on in
 * PaymentCompleted, for shipping.
 */
public record ShippingAddress(String name, String street, String city, String postalCode, String country) {}
