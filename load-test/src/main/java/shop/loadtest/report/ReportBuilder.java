package shop.loadtest.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import shop.loadtest.check.Verdict;
import shop.loadtest.cli.Load;
import shop.loadtest.cli.Options;
import shop.loadtest.mix.Category;
import shop.loadtest.plan.Plan;
import shop.loadtest.run.Measurements;
import shop.loadtest.run.OrderOutcome;
import shop.loadtest.run.RunResult;
import shop.loadtest.shop.StatusEvent;

/** Turns a run's observations and the verdict on its end state into the report. */
public final class ReportBuilder {

    private ReportBuilder() {}

    public static Report build(Options options, Plan plan, RunResult result, Verdict verdict) {
        Measurements measured = result.measurements();
        int confirmed = count(result, StatusEvent.CONFIRMED);
        int cancelled = count(result, StatusEvent.CANCELLED);
        int unfinished = (int)
                result.outcomes().stream().filter(OrderOutcome::isUnfinished).count();
        int errors = (int) result.outcomes().stream()
                .filter(outcome -> outcome.error().isPresent())
                .count();
        // an unfinished order was waited for until the end; otherwise the run ends with its last final status
        long end = unfinished > 0 ? result.endedAt() : Math.max(measured.lastFinishedAt(), measured.lastAcceptedAt());
        return new Report(
                result.outcomes().size(),
                confirmed,
                cancelled,
                unfinished,
                errors,
                round(seconds(Math.max(0, end - result.startedAt()))),
                perSecond(measured.placed(), measured.lastAcceptedAt() - result.startedAt()),
                perSecond(measured.completed(), measured.lastFinishedAt() - result.startedAt()),
                Latency.of(measured.acceptLatency()),
                Latency.of(measured.completionLatency()),
                new Report.Invariants(verdict.stockConserved(), verdict.moneyConserved(), verdict.expectedOutcomes()),
                plan.runId(),
                describe(options.load()),
                options.mix().toString(),
                Latency.of(measured.endToEndLatency()),
                outcomesByCategory(result),
                result.streamReconnects(),
                result.pollingFallbacks(),
                verdict.problems(),
                null,
                null,
                null);
    }

    private static int count(RunResult result, String status) {
        return (int) result.outcomes().stream()
                .filter(outcome -> outcome.finalStatus()
                        .map(event -> status.equals(event.status()))
                        .orElse(false))
                .count();
    }

    /** Per category: how many orders it had, then how many ended each way. */
    private static Map<String, Map<String, Integer>> outcomesByCategory(RunResult result) {
        Map<String, Map<String, Integer>> byCategory = new LinkedHashMap<>();
        for (Category category : Category.values()) {
            Map<String, Integer> counts = new TreeMap<>();
            result.outcomes().stream()
                    .filter(outcome -> outcome.planned().category() == category)
                    .forEach(outcome -> counts.merge(outcome.label(), 1, Integer::sum));
            if (!counts.isEmpty()) {
                Map<String, Integer> withTotal = new LinkedHashMap<>();
                withTotal.put(
                        "orders",
                        counts.values().stream().mapToInt(Integer::intValue).sum());
                withTotal.putAll(counts);
                byCategory.put(category.label(), withTotal);
            }
        }
        return byCategory;
    }

    static String describe(Load load) {
        return load instanceof Load.Closed closed
                ? "closed, concurrency " + closed.concurrency()
                : "open, " + ((Load.Open) load).ordersPerSecond() + " orders/s";
    }

    private static double perSecond(int count, long nanos) {
        return nanos <= 0 ? 0 : round(count / seconds(nanos));
    }

    private static double seconds(long nanos) {
        return nanos / (double) TimeUnit.SECONDS.toNanos(1);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
