package shop.loadtest.run;

import java.util.List;

/** What a run observed: every order's outcome and the measurements, with the run's start and end. */
public record RunResult(List<OrderOutcome> outcomes, Measurements measurements, long startedAt, long endedAt) {}
