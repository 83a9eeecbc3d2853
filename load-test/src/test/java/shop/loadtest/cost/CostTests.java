package shop.loadtest.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CostTests {

    @Test
    void dividesWhatHappenedBetweenTwoReadingsByTheSagas() {
        Usage before = new Usage(
                Map.of(
                        "gateway", Map.of(10L, new Usage.ProcessUsage(1_000, 500, 400_000)),
                        "postgresql", Map.of(20L, new Usage.ProcessUsage(2_000, 100, 50_000))),
                Map.of("shop_gateway", 100L),
                Optional.of(Map.of("shop_gateway", 1_000L)),
                40,
                Map.of("gateway", new Usage.Summary(10, 20)),
                Map.of("gateway", new Usage.Summary(1_000, 500)));
        Usage after = new Usage(
                Map.of(
                        "gateway", Map.of(10L, new Usage.ProcessUsage(2_000, 900, 512_000)),
                        // pid 21 started during the run: all of its time counts
                        "postgresql",
                                Map.of(
                                        20L, new Usage.ProcessUsage(2_500, 150, 60_000),
                                        21L, new Usage.ProcessUsage(500, 50, 10_240))),
                Map.of("shop_gateway", 500L),
                Optional.of(Map.of("shop_gateway", 3_000L)),
                640,
                Map.of("gateway", new Usage.Summary(110, 320)),
                // order-service's timer appeared during the run
                Map.of("gateway", new Usage.Summary(1_400, 1_500), "order-service", new Usage.Summary(8, 1)));

        Cost cost = Cost.between(before, after, 100, List.of("gateway"), List.of("gateway: some JVM"));

        assertThat(cost.cpuMsPerSaga()).containsEntry("gateway", 10.0).containsEntry("postgresql", 10.0);
        assertThat(cost.totalCpuMsPerSaga()).isEqualTo(20.0);
        assertThat(cost.contextSwitchesPerSaga()).containsEntry("gateway", 4.0).containsEntry("postgresql", 1.0);
        assertThat(cost.commitsPerSaga()).containsEntry("shop_gateway", 4.0);
        assertThat(cost.statementsPerSaga()).containsEntry("shop_gateway", 20.0);
        assertThat(cost.messagesPerSaga()).isEqualTo(6.0);
        assertThat(cost.averageBatchSize()).containsEntry("gateway", 3.0);
        assertThat(cost.averageConnectionWaitMs()).containsEntry("gateway", 2.5).containsEntry("order-service", 0.125);
        assertThat(cost.residentMb()).containsEntry("gateway", 500L).containsEntry("postgresql", 68L);
        assertThat(cost.servicesResidentMb()).isEqualTo(500);
    }

    @Test
    void statementsAreLeftOutWhenPostgresqlDoesNotTrackThem() {
        Usage reading = new Usage(Map.of(), Map.of(), Optional.empty(), 0, Map.of(), Map.of());

        assertThat(Cost.between(reading, reading, 10, List.of(), List.of()).statementsPerSaga())
                .isEmpty();
    }
}
