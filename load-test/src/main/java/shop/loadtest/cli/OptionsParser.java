package shop.loadtest.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import shop.loadtest.mix.Mix;

/** Reads the command line of {@code infra/load-test} (ARCHITECTURE §6). */
public final class OptionsParser {

    public static final String USAGE = """
            usage: infra/load-test [options]
              --orders N          how many orders to place (default 1000)
              --warm-up N         first place and follow N orders the same way, reported apart and left out
                                  of the figures (default 0)
              --concurrency C     closed model: C orders in flight, each until its final status (default 32)
              --rate R            open model: R orders per second on a fixed schedule (instead of --concurrency)
              --mix SPEC          share of each kind of order in percent, adding up to 100
                                  (default happy=90,out-of-stock=4,declined=3,unshippable=3)
              --timeout S         seconds to wait for the last sagas after the last order was accepted (default 60)
              --report FILE       write the JSON report to FILE and the latency chart next to it (x.json -> x.html)
              --gateway URL       the gateway (default http://localhost:8080)
              --help              show this text
            exit code: 0 every order final and every invariant holds, 1 otherwise, 2 bad options
            """;

    private static final Set<String> VALUED =
            Set.of("--orders", "--warm-up", "--concurrency", "--rate", "--mix", "--timeout", "--report", "--gateway");

    private OptionsParser() {}

    public static boolean wantsHelp(String... args) {
        return Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h");
    }

    /** The options, or a {@link UsageException} naming what is wrong. */
    public static Options parse(String... args) {
        Map<String, String> given = read(args);
        int orders = positiveInt(given, "--orders", 1000);
        int warmUp = wholeNumber(given, "--warm-up", 0, 0);
        if (given.containsKey("--concurrency") && given.containsKey("--rate")) {
            throw new UsageException("give --concurrency or --rate, not both");
        }
        Load load = given.containsKey("--rate")
                ? new Load.Open(Values.positiveNumber(given.get("--rate"), "--rate"))
                : new Load.Closed(positiveInt(given, "--concurrency", 32));
        Mix mix;
        try {
            mix = given.containsKey("--mix") ? Mix.parse(given.get("--mix")) : Mix.DEFAULT;
        } catch (IllegalArgumentException e) {
            throw new UsageException("--mix: " + e.getMessage());
        }
        Duration timeout = Duration.ofMillis(
                (long) (Values.positiveNumber(given.getOrDefault("--timeout", "60"), "--timeout") * 1000));
        Optional<Path> report = Optional.ofNullable(given.get("--report")).map(Path::of);
        return new Options(
                orders,
                warmUp,
                load,
                mix,
                timeout,
                report,
                Values.url(given.getOrDefault("--gateway", "http://localhost:8080"), "--gateway", "http", "https"));
    }

    private static Map<String, String> read(String[] args) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            String value;
            int equals = name.indexOf('=');
            if (name.startsWith("--") && equals > 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                value = null;
            }
            if (!VALUED.contains(name)) {
                throw new UsageException("unknown option '" + name + "'");
            }
            if (value == null || value.isBlank()) {
                throw new UsageException(name + " needs a value");
            }
            if (given.put(name, value) != null) {
                throw new UsageException(name + " is given twice");
            }
        }
        return given;
    }

    private static int positiveInt(Map<String, String> given, String name, int fallback) {
        return wholeNumber(given, name, fallback, 1);
    }

    private static int wholeNumber(Map<String, String> given, String name, int fallback, int least) {
        String text = given.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= least) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(name + " must be a whole number "
                + (least == 0 ? "of 0 or more" : "above " + (least - 1)) + ", not '" + text + "'");
    }
}
