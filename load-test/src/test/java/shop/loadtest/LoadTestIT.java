package shop.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import shop.platform.testing.ServiceProcess;
import shop.platform.testing.TestInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A short real run: the four services and the gateway started from their jars (built by the
 * reactor before this module) on this run's own databases and vhost, and the tool run in-process
 * against that gateway.
 */
class LoadTestIT {

    @RegisterExtension
    static final TestInfrastructure infra = new TestInfrastructure();

    static final List<ServiceProcess> processes = new ArrayList<>();
    static ServiceProcess gateway;

    @BeforeAll
    static void startTheSystem() {
        processes.addAll(ServiceProcess.startShop(infra, Duration.ofSeconds(180)));
        gateway = processes.get(0);
    }

    @AfterAll
    static void stopTheSystem() {
        processes.forEach(ServiceProcess::close);
    }

    @Test
    void aHundredOrdersEndAsTheMixSaysAndKeepStockAndMoney(@TempDir Path dir) {
        Path reportFile = dir.resolve("r.json");
        var out = new ByteArrayOutputStream();

        int exit = LoadTest.run(
                new String[] {
                    "--orders",
                    "100",
                    "--concurrency",
                    "16",
                    "--gateway",
                    gateway.baseUrl(),
                    "--report",
                    reportFile.toString()
                },
                new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err,
                false);

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed).isZero();
        JsonNode report = new JsonMapper().readTree(reportFile.toFile());
        assertThat(report.get("orders").intValue()).isEqualTo(100);
        assertThat(report.get("unfinished").intValue()).isZero();
        assertThat(report.get("errors").intValue()).isZero();
        assertThat(report.at("/invariants/stockConserved").booleanValue()).isTrue();
        assertThat(report.at("/invariants/moneyConserved").booleanValue()).isTrue();
        assertThat(report.at("/invariants/expectedOutcomes").booleanValue()).isTrue();
        // 90 happy and 1 of the 4 racing for the single scarce unit confirmed; 3 + 3 + 3 cancelled
        assertThat(report.get("confirmed").intValue()).isEqualTo(91);
        assertThat(report.get("cancelled").intValue()).isEqualTo(9);
        JsonNode outcomes = report.get("outcomes");
        assertThat(outcomes.at("/happy/CONFIRMED").intValue()).isEqualTo(90);
        assertThat(outcomes.at("/out-of-stock/CONFIRMED").intValue()).isEqualTo(1);
        assertThat(outcomes.at("/out-of-stock/CANCELLED~1OUT_OF_STOCK").intValue())
                .isEqualTo(3);
        assertThat(outcomes.at("/declined/CANCELLED~1PAYMENT_DECLINED").intValue())
                .isEqualTo(3);
        assertThat(outcomes.at("/unshippable/CANCELLED~1SHIPPING_UNAVAILABLE").intValue())
                .isEqualTo(3);
        assertThat(report.at("/completionLatencyMs/p50").doubleValue()).isPositive();
        assertThat(report.at("/viewStalenessMs/p50").doubleValue()).isPositive();
        assertThat(report.at("/viewStalenessMs/p99").doubleValue())
                .isGreaterThanOrEqualTo(report.at("/viewStalenessMs/p50").doubleValue());
        assertThat(dir.resolve("r.html")).exists();
        assertThat(printed).contains("PASSED", "accept", "completion");
    }
}
