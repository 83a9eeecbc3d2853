package shop.loadtest.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoundResultTests {

    @Test
    void aRoundPassesWhenNothingIsLostStuckOrDoubledAndTheInvariantsHold() {
        assertThat(round(0, 0, 0, 16, 16, true, null).passed()).isTrue();
    }

    @Test
    void anyLossStrandingDoubleEffectUnexpectedDeadLetterBrokenInvariantOrFailedFaultFailsIt() {
        assertThat(round(1, 0, 0, 0, 0, true, null).passed()).isFalse();
        assertThat(round(0, 1, 0, 0, 0, true, null).passed()).isFalse();
        assertThat(round(0, 0, 1, 0, 0, true, null).passed()).isFalse();
        assertThat(round(0, 0, 0, 1, 0, true, null).passed()).isFalse();
        assertThat(round(0, 0, 0, 15, 16, true, null).passed()).isFalse();
        assertThat(round(0, 0, 0, 0, 0, false, null).passed()).isFalse();
        assertThat(round(0, 0, 0, 0, 0, true, "IOException: 'rabbitmqctl stop_app' exited with 69")
                        .passed())
                .isFalse();
    }

    @Test
    void theTableShowsOneRowPerFaultAndWhatWentWrong() {
        var report = new ChaosReport(
                "chaos-1",
                "2026-11-27T16:00:00Z",
                "2 cores",
                20,
                30,
                5,
                60,
                List.of(round(0, 0, 0, 0, 0, true, null), round(0, 3, 0, 0, 0, true, null)));

        String table = ChaosTable.render(report);

        assertThat(table).contains("kill-gateway").contains("3 orders stuck").endsWith("FAILED\n");
        assertThat(report.passed()).isFalse();
    }

    private static RoundResult round(
            int lost, int stuck, int applied, long deadLetters, long expected, boolean stock, String faultError) {
        return new RoundResult(
                "kill-gateway",
                600,
                40,
                600 - stuck - lost,
                lost,
                stuck,
                0,
                applied,
                deadLetters,
                expected,
                stock,
                true,
                true,
                faultError,
                stuck > 0 ? List.of(stuck + " orders stuck") : List.of());
    }
}
