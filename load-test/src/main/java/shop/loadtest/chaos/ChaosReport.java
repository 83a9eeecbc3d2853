package shop.loadtest.chaos;

import java.util.List;

/**
 * A run of {@code infra/chaos}: where and when it ran, its settings, and one row per fault.
 *
 * @param stuckAfterSeconds a saga not final this long after its round's last order was placed and
 *     its fault ended counts as stuck
 */
public record ChaosReport(
        String runId,
        String startedAt,
        String machine,
        double ordersPerSecond,
        double placingSeconds,
        double faultAfterSeconds,
        double stuckAfterSeconds,
        List<RoundResult> rounds) {

    public boolean passed() {
        return !rounds.isEmpty() && rounds.stream().allMatch(RoundResult::passed);
    }
}
