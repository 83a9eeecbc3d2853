package shop.loadtest.chaos;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** One run of {@code infra/chaos}, as given on the command line. */
public record ChaosOptions(
        List<String> faults,
        double rate,
        Duration placing,
        Duration faultAfter,
        Duration stuckAfter,
        Optional<Path> report,
        URI gateway,
        URI amqp,
        URI management,
        Path root) {

    /** Orders placed in each fault's round. */
    public int ordersPerRound() {
        return (int) Math.max(1, Math.round(rate * placing.toMillis() / 1000.0));
    }
}
