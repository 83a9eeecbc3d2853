package shop.loadtest.report;

import java.util.List;
import java.util.Map;

/**
 * The JSON report. The first eleven members are the fixed contract of ARCHITECTURE §6; the rest
 * add context: the run's id, its load and mix, the latency from the intended start to the final
 * status, the outcomes by mix category, how often a stream was reopened or
 * replaced by polling, and what broke an invariant.
 */
public record Report(
        int orders,
        int confirmed,
        int cancelled,
        int unfinished,
        int errors,
        double durationSeconds,
        double placedPerSecond,
        double completedPerSecond,
        Latency acceptLatencyMs,
        Latency completionLatencyMs,
        Invariants invariants,
        String runId,
        String load,
        String mix,
        Latency endToEndLatencyMs,
        Map<String, Map<String, Integer>> outcomes,
        int streamReconnects,
        int pollingFallbacks,
        List<String> problems) {

    public record Invariants(boolean stockConserved, boolean moneyConserved, boolean expectedOutcomes) {}

    /** A run passes when every order reached a final status and every invariant holds. */
    public boolean passed() {
        return unfinished == 0
                && invariants.stockConserved()
                && invariants.moneyConserved()
                && invariants.expectedOutcomes();
    }
}
