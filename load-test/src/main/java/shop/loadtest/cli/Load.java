package shop.loadtest.cli;

/** How orders are offered to the system. */
public sealed interface Load {

    /** Closed model: this many orders in flight, each until its final status. */
    record Closed(int concurrency) implements Load {}

    /** Open model: orders start on a fixed schedule, whether or not earlier ones finished. */
    record Open(double ordersPerSecond) implements Load {}
}
