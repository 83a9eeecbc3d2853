package shop.loadtest.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import shop.loadtest.cli.UsageException;
import shop.loadtest.cli.Values;

/** Reads the command line of {@code infra/chaos}. */
public final class ChaosOptionsParser {

    public static final String USAGE = """
            usage: infra/chaos [options]
              --faults LIST       faults to inject, comma-separated, one round each, in this order (default: all)
                                  %s
              --short             the short version CI runs: %s,
                                  orders placed for 15 s in each round
              --rate R            orders per second, on a fixed schedule, in each round (default 20)
              --seconds S         how long each round places orders (default 30)
              --fault-after S     when the fault hits, in seconds from the round's first order (default 5)
              --stuck-after S     a saga still not final S seconds after its round's last order was placed
                                  and its fault ended counts as stuck (default 60)
              --report FILE       write the report as JSON to FILE
              --gateway URL       the gateway (default http://localhost:8080)
              --amqp URI          the broker and the shop's vhost (default amqp://guest:guest@127.0.0.1:5672/shop)
              --management URL    RabbitMQ's management API (default http://127.0.0.1:15672)
              --root DIR          the checkout whose infra/up runs the system: its pid files and scripts (default .)
              --help              show this text
            It expects the system started by infra/up on this machine, PostgreSQL and RabbitMQ local.
            exit code: 0 nothing lost or stuck and every invariant holds after every fault, 1 otherwise,
            2 bad options
            """.formatted(wrapped(Faults.ALL), String.join(", ", Faults.SHORT));

    private static final Set<String> VALUED = Set.of(
            "--faults",
            "--rate",
            "--seconds",
            "--fault-after",
            "--stuck-after",
            "--report",
            "--gateway",
            "--amqp",
            "--management",
            "--root");

    private ChaosOptionsParser() {}

    /** The names, comma-separated, in lines that fit a terminal under the option's description. */
    private static String wrapped(List<String> names) {
        var text = new StringBuilder();
        int line = 0;
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i) + (i < names.size() - 1 ? "," : "");
            if (line > 0 && line + name.length() + 1 > 70) {
                text.append(System.lineSeparator()).append(" ".repeat(22));
                line = 0;
            } else if (line > 0) {
                text.append(' ');
                line++;
            }
            text.append(name);
            line += name.length();
        }
        return text.toString();
    }

    public static boolean wantsHelp(String... args) {
        return Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h");
    }

    public static ChaosOptions parse(String... args) {
        Map<String, String> given = new HashMap<>();
        boolean isShort = false;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--short")) {
                isShort = true;
                continue;
            }
            String value = null;
            int equals = name.indexOf('=');
            if (name.startsWith("--") && equals > 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (i + 1 < args.length) {
                value = args[++i];
            }
            if (!VALUED.contains(name)) {
                throw new UsageException("unknown option '" + name + "'");
            }
            if (value == null || value.isBlank()) {
                throw new UsageException(name + " needs a value");
            }
            // a later value wins, so that a wrapper script's defaults can be overridden
            given.put(name, value);
        }
        if (isShort && given.containsKey("--faults")) {
            throw new UsageException("give --short or --faults, not both");
        }
        List<String> faults = isShort
                ? Faults.SHORT
                : Optional.ofNullable(given.get("--faults"))
                        .map(ChaosOptionsParser::faults)
                        .orElse(Faults.ALL);
        double rate = Values.positiveNumber(given.getOrDefault("--rate", "20"), "--rate");
        Duration placing = seconds(given.getOrDefault("--seconds", isShort ? "15" : "30"), "--seconds");
        Duration faultAfter = seconds(given.getOrDefault("--fault-after", "5"), "--fault-after");
        if (faultAfter.compareTo(placing) >= 0) {
            throw new UsageException("--fault-after must be less than --seconds, so that orders flow when it hits");
        }
        return new ChaosOptions(
                faults,
                rate,
                placing,
                faultAfter,
                seconds(given.getOrDefault("--stuck-after", "60"), "--stuck-after"),
                Optional.ofNullable(given.get("--report")).map(Path::of),
                Values.url(given.getOrDefault("--gateway", "http://localhost:8080"), "--gateway", "http", "https"),
                Values.url(given.getOrDefault("--amqp", "amqp://guest:guest@127.0.0.1:5672/shop"), "--amqp", "amqp"),
                Values.url(
                        given.getOrDefault("--management", "http://127.0.0.1:15672"), "--management", "http", "https"),
                Path.of(given.getOrDefault("--root", ".")));
    }

    private static List<String> faults(String text) {
        List<String> names = Arrays.stream(text.split(",")).map(String::trim).toList();
        for (String name : names) {
            if (!Faults.ALL.contains(name)) {
                throw new UsageException(
                        "--faults: unknown fault '" + name + "' (known: " + String.join(", ", Faults.ALL) + ")");
            }
        }
        return names;
    }

    private static Duration seconds(String text, String name) {
        return Duration.ofMillis(Math.round(Values.positiveNumber(text, name) * 1000));
    }
}
