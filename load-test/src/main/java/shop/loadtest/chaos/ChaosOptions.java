package shop.loadtest.chaos;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import shop.loadtest.cli.Load;
import shop.loadtest.cli.Options;
import shop.loadtest.mix.Mix;

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

    /** The load generator's settings for one round: the open model, so that a fault cannot slow the offered load. */
    Options loadOptions() {
        return new Options(
                ordersPerRound(), 0, new Load.Open(rate), Mix.DEFAULT, stuckAfter, Optional.empty(), gateway);
    }

    /** Orders placed in each fault's round. */
    public int ordersPerRound() {
        return (int) Math.max(1, Math.round(rate * placing.toMillis() / 1000.0));
    }
}
