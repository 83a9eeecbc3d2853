package shop.loadtest.run;

import java.util.List;

/**
 * What a run observed: every order's outcome and the measurements, with the run's start and end,
 * and how often following an order needed a new stream or polling.
 */
public record RunResult(
        List<OrderOutcome> outcomes,
        Measurements measurements,
        long startedAt,
        long endedAt,
        int streamReconnects,
        int pollingFallbacks) {}
