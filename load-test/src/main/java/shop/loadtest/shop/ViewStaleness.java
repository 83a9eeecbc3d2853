package shop.loadtest.shop;

/**
 * How far the gateway's order view lags behind the services, in milliseconds: from an event's
 * time at its producer to the view's commit of it, as the gateway measures it
 * ({@code shop.view.staleness}, over about its last minute).
 */
public record ViewStaleness(double p50, double p99) {}
