package shop.loadtest.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import shop.loadtest.mix.Mix;

/** One run's settings, as given on the command line; {@code warmUp} orders go first and are not measured. */
public record Options(
        int orders, int warmUp, Load load, Mix mix, Duration timeout, Optional<Path> report, URI gateway) {

    /** The settings of the warm-up run: the same load and mix, {@code warmUp} orders, no report. */
    public Options forWarmUp() {
        return new Options(warmUp, 0, load, mix, timeout, Optional.empty(), gateway);
    }

    /** Connections the run may hold: a stream and a request per order in flight, and some slack. */
    public int maxConnections() {
        // with a rate, orders in flight ~ rate x saga time: 20 s worth covers a system far behind,
        // so that a short pool never delays a due order (that latency would be the tool's, not the system's)
        int inFlight = load instanceof Load.Closed closed
                ? closed.concurrency()
                : (int) Math.min(orders, Math.ceil(((Load.Open) load).ordersPerSecond() * 20));
        return Math.max(16, inFlight * 2 + 16);
    }
}
