package shop.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shop.loadtest.run.Measurements;
import shop.loadtest.shop.ViewStaleness;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReportTests {

    static final Report REPORT = new Report(
            100,
            96,
            4,
            0,
            0,
            4.25,
            50.5,
            23.53,
            new Latency(10.1, 20.2, 30.3, 40.4),
            new Latency(110, 220, 330, 440),
            new Report.Invariants(true, true, true),
            "run-1",
            "closed, concurrency 16",
            "happy=90,out-of-stock=4,declined=3,unshippable=3",
            new Latency(120, 230, 340, 450),
            Map.of("happy", Map.of("orders", 90, "CONFIRMED", 90)),
            2,
            0,
            List.of(),
            null,
            null,
            null);

    @Test
    void theJsonHasTheKeysOfTheContractAndTheExtrasOnly() {
        JsonNode json = new JsonMapper().readTree(ReportFiles.json(REPORT));

        assertThat(Set.copyOf(json.propertyNames()))
                .containsAll(Set.of(
                        "orders",
                        "confirmed",
                        "cancelled",
                        "unfinished",
                        "errors",
                        "durationSeconds",
                        "placedPerSecond",
                        "completedPerSecond",
                        "acceptLatencyMs",
                        "completionLatencyMs",
                        "invariants"))
                .containsOnly(
                        "orders",
                        "confirmed",
                        "cancelled",
                        "unfinished",
                        "errors",
                        "durationSeconds",
                        "placedPerSecond",
                        "completedPerSecond",
                        "acceptLatencyMs",
                        "completionLatencyMs",
                        "invariants",
                        "runId",
                        "load",
                        "mix",
                        "endToEndLatencyMs",
                        "outcomes",
                        "streamReconnects",
                        "pollingFallbacks",
                        "problems",
                        "warmUp",
                        "cost",
                        "viewStalenessMs");
        assertThat(Set.copyOf(json.get("acceptLatencyMs").propertyNames())).containsOnly("p50", "p90", "p99", "max");
        assertThat(Set.copyOf(json.get("completionLatencyMs").propertyNames()))
                .containsOnly("p50", "p90", "p99", "max");
        assertThat(Set.copyOf(json.get("invariants").propertyNames()))
                .containsOnly("stockConserved", "moneyConserved", "expectedOutcomes");
        assertThat(json.get("orders").intValue()).isEqualTo(100);
        assertThat(json.get("completedPerSecond").doubleValue()).isEqualTo(23.53);
        assertThat(json.at("/acceptLatencyMs/p99").doubleValue()).isEqualTo(30.3);
        assertThat(json.at("/invariants/moneyConserved").booleanValue()).isTrue();
    }

    @Test
    void theViewsStalenessIsItsMedianAndP99InMilliseconds() {
        JsonNode json =
                new JsonMapper().readTree(ReportFiles.json(REPORT.with(null, null, new ViewStaleness(12.5, 80.1))));

        assertThat(Set.copyOf(json.get("viewStalenessMs").propertyNames())).containsOnly("p50", "p99");
        assertThat(json.at("/viewStalenessMs/p99").doubleValue()).isEqualTo(80.1);
    }

    @Test
    void aRunPassesOnlyWithNothingUnfinishedAndEveryInvariant() {
        assertThat(REPORT.passed()).isTrue();
        assertThat(withInvariants(REPORT, new Report.Invariants(true, false, true))
                        .passed())
                .isFalse();
        assertThat(new Report(
                                100,
                                95,
                                4,
                                1,
                                0,
                                1,
                                1,
                                1,
                                REPORT.acceptLatencyMs(),
                                REPORT.completionLatencyMs(),
                                REPORT.invariants(),
                                "run-1",
                                "",
                                "",
                                REPORT.endToEndLatencyMs(),
                                Map.of(),
                                0,
                                0,
                                List.of(),
                                null,
                                null,
                                null)
                        .passed())
                .isFalse();
    }

    @Test
    void percentilesAreReadInMillisecondsFromMicroseconds() {
        Histogram micros = new Histogram(3);
        for (int i = 1; i <= 100; i++) {
            micros.recordValue(i * 1000L);
        }

        Latency latency = Latency.of(micros);

        assertThat(latency.p50()).isEqualTo(50.0);
        assertThat(latency.p90()).isEqualTo(90.0);
        assertThat(latency.p99()).isEqualTo(99.0);
        assertThat(latency.max()).isEqualTo(100.0);
        assertThat(Latency.of(new Histogram(3))).isEqualTo(new Latency(0, 0, 0, 0));
    }

    @Test
    void theChartIsWrittenNextToTheReportAsOneSelfContainedPage(@TempDir Path dir) throws Exception {
        Path chart = ReportFiles.write(dir.resolve("r.json"), REPORT, new Measurements());

        assertThat(chart).isEqualTo(dir.resolve("r.html"));
        String html = Files.readString(chart);
        assertThat(html).contains("<svg", "99.9%", "accept", "completion").doesNotContain("<script");
        assertThat(new JsonMapper()
                        .readTree(Files.readString(dir.resolve("r.json")))
                        .get("runId")
                        .stringValue())
                .isEqualTo("run-1");
    }

    private static Report withInvariants(Report report, Report.Invariants invariants) {
        return new Report(
                report.orders(),
                report.confirmed(),
                report.cancelled(),
                report.unfinished(),
                report.errors(),
                report.durationSeconds(),
                report.placedPerSecond(),
                report.completedPerSecond(),
                report.acceptLatencyMs(),
                report.completionLatencyMs(),
                invariants,
                report.runId(),
                report.load(),
                report.mix(),
                report.endToEndLatencyMs(),
                report.outcomes(),
                report.streamReconnects(),
                report.pollingFallbacks(),
                report.problems(),
                report.warmUp(),
                report.cost(),
                report.viewStalenessMs());
    }
}
