package shop.platform.consumer;

/** A set-based handler's view of one event: its fields, and the exchange (the producer) it came from. */
public record Published<T>(String exchange, T fields) {}
