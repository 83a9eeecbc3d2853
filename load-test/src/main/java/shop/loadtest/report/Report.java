package shop.loadtest.report;

import java.util.List;
import java.util.Map;
import shop.loadtest.cost.Cost;
import shop.loadtest.shop.ViewStaleness;

/**
 * The JSON report. The first eleven members are the fixed contract of ARCHITECTURE §6; the rest
 * add context: the run's id, its load and mix, the latency from the intended start to the final
 * status, the outcomes by mix category, how often a stream was reopened or
 * replaced by polling, what broke an invariant, the warm-up run before it (null without one),
 * what the run cost the machine per saga (null when the system does not run here), and how far
 * the gateway's view lagged behind the services (null when the gateway does not say).
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
        List<String> problems,
        WarmUp warmUp,
        Cost cost,
        ViewStaleness viewStalenessMs) {

    public record Invariants(boolean stockConserved, boolean moneyConserved, boolean expectedOutcomes) {}

    /** The orders placed and followed before the measured run, left out of its figures. */
    public record WarmUp(int orders, double completedPerSecond, Latency completionLatencyMs, boolean passed) {

        public static WarmUp of(Report run) {
            return new WarmUp(run.orders(), run.completedPerSecond(), run.completionLatencyMs(), run.passed());
        }
    }

    /** This report with the warm-up before it, the cost it measured and the view's staleness the gateway measured. */
    public Report with(WarmUp warmUp, Cost cost, ViewStaleness viewStalenessMs) {
        return new Report(
                orders,
                confirmed,
                cancelled,
                unfinished,
                errors,
                durationSeconds,
                placedPerSecond,
                completedPerSecond,
                acceptLatencyMs,
                completionLatencyMs,
                invariants,
                runId,
                load,
                mix,
                endToEndLatencyMs,
                outcomes,
                streamReconnects,
                pollingFallbacks,
                problems,
                warmUp,
                cost,
                viewStalenessMs);
    }

    /** A run passes when every order reached a final status and every invariant holds, in the warm-up too. */
    public boolean passed() {
        return (warmUp == null || warmUp.passed())
                && unfinished == 0
                && invariants.stockConserved()
                && invariants.moneyConserved()
                && invariants.expectedOutcomes();
    }
}
