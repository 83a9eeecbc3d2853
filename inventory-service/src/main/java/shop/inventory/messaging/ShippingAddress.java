package shop.inventory.messaging;

/**
 * Where an order goes, as OrderPlaced gave it. Inventory does not read it: it carries it on in
 * InventoryReserved, for payment and shipping.
 */
public record ShippingAddress(String name, String street, String city, String postalCode, String country) {}
