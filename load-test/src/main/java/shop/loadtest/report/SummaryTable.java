package shop.loadtest.report;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import shop.loadtest.cost.Cost;

/** The summary printed at the end of a run. */
public final class SummaryTable {

    private SummaryTable() {}

    public static String render(Report report) {
        var text = new StringBuilder();
        text.append(String.format(
                "%nrun %s: %d orders, %s, mix %s%n", report.runId(), report.orders(), report.load(), report.mix()));
        text.append(String.format("%-22s %9s %9s %9s %9s%n", "latency (ms)", "p50", "p90", "p99", "max"));
        row(text, "accept", report.acceptLatencyMs());
        row(text, "completion", report.completionLatencyMs());
        row(text, "end to end", report.endToEndLatencyMs());
        text.append(String.format(
                "%-22s placed %.1f/s, completed %.1f/s, over %.1f s%n",
                "throughput", report.placedPerSecond(), report.completedPerSecond(), report.durationSeconds()));
        text.append(String.format(
                "%-22s confirmed %d, cancelled %d, unfinished %d, errors %d%n",
                "outcomes", report.confirmed(), report.cancelled(), report.unfinished(), report.errors()));
        for (Map.Entry<String, Map<String, Integer>> category :
                report.outcomes().entrySet()) {
            text.append(String.format("  %-20s %s%n", category.getKey(), counts(category.getValue())));
        }
        text.append(String.format(
                "%-22s %d streams reopened, %d orders polled instead%n",
                "following", report.streamReconnects(), report.pollingFallbacks()));
        Report.Invariants invariants = report.invariants();
        text.append(String.format(
                "%-22s stock conserved %s, money conserved %s, expected outcomes %s%n",
                "invariants",
                yesNo(invariants.stockConserved()),
                yesNo(invariants.moneyConserved()),
                yesNo(invariants.expectedOutcomes())));
        if (report.viewStalenessMs() != null) {
            text.append(String.format(
                    "%-22s p50 %.1f ms, p99 %.1f ms (from the producer's event to the gateway's view)%n",
                    "view staleness",
                    report.viewStalenessMs().p50(),
                    report.viewStalenessMs().p99()));
        }
        if (report.cost() != null) {
            cost(text, report.cost());
        }
        List<String> problems = report.problems();
        problems.forEach(problem -> text.append("  ! ").append(problem).append(System.lineSeparator()));
        text.append(report.passed() ? "PASSED" : "FAILED").append(System.lineSeparator());
        return text.toString();
    }

    private static void cost(StringBuilder text, Cost cost) {
        text.append(String.format(
                "%-22s %.1f ms of CPU: %s%n", "cost per saga", cost.totalCpuMsPerSaga(), figures(cost.cpuMsPerSaga())));
        text.append(String.format("  %-20s %s%n", "context switches", figures(cost.contextSwitchesPerSaga())));
        text.append(String.format("  %-20s %s%n", "commits", figures(cost.commitsPerSaga())));
        text.append(String.format(
                "  %-20s %s%n",
                "statements",
                cost.statementsPerSaga().isEmpty()
                        ? "not tracked (PostgreSQL without pg_stat_statements)"
                        : figures(cost.statementsPerSaga())));
        text.append(String.format("  %-20s %.2f%n", "messages published", cost.messagesPerSaga()));
        text.append(String.format("  %-20s %s%n", "average batch", figures(cost.averageBatchSize())));
        text.append(String.format(
                "  %-20s %s%n",
                "connection wait (ms)",
                cost.averageConnectionWaitMs().entrySet().stream()
                        .map(entry -> entry.getKey() + " " + String.format("%.2f", entry.getValue()))
                        .collect(Collectors.joining(", "))));
        text.append(String.format(
                "%-22s %s; the services %d in all%n",
                "resident memory, shared pages split (PSS, MB)",
                cost.residentMb().entrySet().stream()
                        .map(entry -> entry.getKey() + " " + entry.getValue())
                        .collect(Collectors.joining(", ")),
                cost.servicesResidentMb()));
        cost.jvms().forEach(jvm -> text.append(String.format("%-22s %s%n", "jvm", jvm)));
    }

    private static String figures(Map<String, Double> figures) {
        return figures.entrySet().stream()
                .map(entry -> entry.getKey() + " " + String.format("%.1f", entry.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static void row(StringBuilder text, String name, Latency latency) {
        text.append(String.format(
                "  %-20s %9.1f %9.1f %9.1f %9.1f%n", name, latency.p50(), latency.p90(), latency.p99(), latency.max()));
    }

    private static String counts(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .map(entry -> entry.getKey() + " " + entry.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "NO";
    }
}
