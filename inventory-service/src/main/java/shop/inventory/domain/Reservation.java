package shop.inventory.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Inventory's part of one order. Placing an order holds all of its lines or none; a held
 * reservation is then either released (the order failed further on, or is being cancelled) or
 * sold (the order was confirmed). A cancellation that arrives before the order leaves a
 * tombstone, so that the order, arriving later, holds nothing. Every other move is repeated or
 * stale and changes nothing.
 */
public record Reservation(
        UUID orderId,
        String customerId,
        ReservationStatus status,
        String failureReason,
        String detail,
        BigDecimal total,
        List<ReservationLine> lines) {

    public Reservation {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(status, "status");
        lines = List.copyOf(lines);
    }

    /** The skus an order names, each once, in the order their rows are to be locked. */
    public static SortedSet<String> skus(List<OrderLine> order) {
        return order.stream().map(OrderLine::sku).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * An order arrives: hold every line at the catalog's price, or hold nothing and say why.
     *
     * @param stock the catalog's products among the order's skus, locked by the caller
     */
    public static Transition.Changed place(
            UUID orderId, String customerId, List<OrderLine> order, Map<String, Product> stock) {
        if (order.isEmpty()) {
            throw new IllegalArgumentException("an order has at least one line");
        }
        Map<String, Long> wanted = new TreeMap<>();
        order.forEach(line -> wanted.merge(line.sku(), (long) line.quantity(), Long::sum));

        List<String> unknown =
                wanted.keySet().stream().filter(sku -> !stock.containsKey(sku)).toList();
        if (!unknown.isEmpty()) {
            return rejected(
                    orderId,
                    customerId,
                    wanted,
                    RejectionReason.UNKNOWN_PRODUCT,
                    unknown.stream().map(sku -> sku + ": not in the catalog").collect(Collectors.joining("; ")));
        }
        List<String> shortages = wanted.entrySet().stream()
                .filter(line -> !stock.get(line.getKey()).canHold(line.getValue()))
                .map(line -> line.getKey() + ": " + line.getValue() + " requested, "
                        + stock.get(line.getKey()).available() + " available")
                .toList();
        if (!shortages.isEmpty()) {
            return rejected(orderId, customerId, wanted, RejectionReason.OUT_OF_STOCK, String.join("; ", shortages));
        }

        List<ReservationLine> lines = new ArrayList<>();
        List<Product> held = new ArrayList<>();
        wanted.forEach((sku, quantity) -> {
            Product product = stock.get(sku);
            lines.add(new ReservationLine(sku, quantity, product.price()));
            held.add(product.hold(quantity));
        });
        BigDecimal total = lines.stream()
                .map(ReservationLine::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.UNNECESSARY);
        var reservation = new Reservation(orderId, customerId, ReservationStatus.RESERVED, null, null, total, lines);
        return new Transition.Changed(
                reservation,
                held,
                List.of(new InventoryEvent.Reserved(orderId, customerId, reservation.lines(), total)));
    }

    /**
     * The order failed after its units were held: give them back. Anything but a held
     * reservation (rejected, released or sold already) ignores it.
     */
    public Transition release(String reason, Map<String, Product> stock) {
        if (status != ReservationStatus.RESERVED) {
            return new Transition.Ignored(this, "the reservation is already " + status);
        }
        List<Product> released = lines.stream()
                .map(line -> product(stock, line).unhold(line.quantity()))
                .toList();
        return new Transition.Changed(
                moveTo(ReservationStatus.RELEASED, reason),
                released,
                List.of(new InventoryEvent.Released(orderId, customerId, reason)));
    }

    /**
     * The order is being cancelled and payment has taken nothing or given it back: the held units
     * go back. Whatever the state, inventory answers (the last answer of a cancellation, which
     * ends the order's saga), with nothing to give back when nothing is held. A sold reservation
     * belongs to a confirmed order, which is never cancelled: that news is stale.
     */
    public Transition cancel(String reason, Map<String, Product> stock) {
        Objects.requireNonNull(reason, "reason");
        if (status == ReservationStatus.RESERVED) {
            return release(reason, stock);
        }
        if (status == ReservationStatus.SOLD) {
            return new Transition.Ignored(this, "the reservation was sold: its order is confirmed");
        }
        return new Transition.Changed(
                this, List.of(), List.of(new InventoryEvent.Released(orderId, customerId, reason)));
    }

    /**
     * The order is being cancelled before inventory heard of it: nothing is held, and the
     * tombstone this leaves makes the order hold nothing when it arrives after all.
     */
    public static Transition.Changed cancelBeforePlacing(UUID orderId, String customerId, String reason) {
        Objects.requireNonNull(reason, "reason");
        var tombstone =
                new Reservation(orderId, customerId, ReservationStatus.CANCELLED, reason, null, null, List.of());
        return new Transition.Changed(
                tombstone, List.of(), List.of(new InventoryEvent.Released(orderId, customerId, reason)));
    }

    /** The order was confirmed: its held units are sold. Anything but a held reservation ignores it. */
    public Transition sell(Map<String, Product> stock) {
        if (status != ReservationStatus.RESERVED) {
            return new Transition.Ignored(this, "the reservation is already " + status);
        }
        List<Product> sold = lines.stream()
                .map(line -> product(stock, line).sell(line.quantity()))
                .toList();
        return new Transition.Changed(moveTo(ReservationStatus.SOLD, null), sold, List.of());
    }

    /** The skus whose rows a release or sale changes, in locking order. */
    public SortedSet<String> heldSkus() {
        return lines.stream().map(ReservationLine::sku).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Transition.Changed rejected(
            UUID orderId, String customerId, Map<String, Long> wanted, RejectionReason reason, String detail) {
        List<ReservationLine> lines = wanted.entrySet().stream()
                .map(line -> new ReservationLine(line.getKey(), line.getValue(), null))
                .toList();
        var reservation =
                new Reservation(orderId, customerId, ReservationStatus.REJECTED, reason.name(), detail, null, lines);
        return new Transition.Changed(
                reservation, List.of(), List.of(new InventoryEvent.Rejected(orderId, customerId, reason, detail)));
    }

    private Reservation moveTo(ReservationStatus next, String reason) {
        return new Reservation(orderId, customerId, next, reason, detail, total, lines);
    }

    private static Product product(Map<String, Product> stock, ReservationLine line) {
        Product product = stock.get(line.sku());
        if (product == null) {
            throw new IllegalStateException("held product " + line.sku() + " is missing from the catalog");
        }
        return product;
    }
}
