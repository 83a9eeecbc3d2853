package shop.loadtest.chaos;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import shop.loadtest.cli.UsageException;
import shop.loadtest.shop.ShopClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code infra/chaos}: injects faults in turn while orders flow and checks that nothing was lost,
 * stuck or applied twice. Exit 0 when every round passed, 1 otherwise, 2 on bad options.
 */
public final class Chaos {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Chaos() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.console() != null));
    }

    static int run(String[] args, PrintStream out, PrintStream err, boolean terminal) {
        if (ChaosOptionsParser.wantsHelp(args)) {
            out.print(ChaosOptionsParser.USAGE);
            return 0;
        }
        ChaosOptions options;
        try {
            options = ChaosOptionsParser.parse(args);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.print(ChaosOptionsParser.USAGE);
            return 2;
        }
        String runId = runId();
        String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        Host host = new Host(options.root());
        Broker broker = new Broker(options.amqp(), options.management());
        Scheduler timer = Schedulers.parallel();
        out.printf(
                "chaos %s: %d faults, %d orders at %.0f/s in each round; commands and their output go to %s%n",
                runId, options.faults().size(), options.ordersPerRound(), options.rate(), host.log());
        // the live progress line only on a terminal: in a log it would be a line a second
        PrintStream progress = terminal ? out : new PrintStream(OutputStream.nullOutputStream());
        try (ShopClient shop =
                ShopClient.connect(options.gateway(), options.loadOptions().maxConnections())) {
            Round round = new Round(options, shop, broker, timer, progress, terminal);
            out.print(ChaosTable.header());
            // the one place that waits: a command line has nothing else to do meanwhile
            List<RoundResult> rounds = Flux.fromIterable(options.faults())
                    .index()
                    .concatMap(
                            fault -> round.run(Faults.named(fault.getT2(), host, broker), runId + "-r" + fault.getT1())
                                    .doOnNext(result -> out.print(ChaosTable.row(result))))
                    .collectList()
                    .block();
            ChaosReport report = new ChaosReport(
                    runId,
                    startedAt,
                    machine(),
                    options.rate(),
                    options.placing().toMillis() / 1000.0,
                    options.faultAfter().toMillis() / 1000.0,
                    options.stuckAfter().toMillis() / 1000.0,
                    rounds);
            out.print(ChaosTable.render(report));
            if (options.report().isPresent()) {
                Path file = options.report().get().toAbsolutePath();
                if (file.getParent() != null) {
                    Files.createDirectories(file.getParent());
                }
                Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report) + "\n");
                out.println("report: " + file);
            }
            return report.passed() ? 0 : 1;
        } catch (IOException | RuntimeException e) {
            err.println("error: the chaos run failed: " + e.getMessage());
            return 1;
        }
    }

    private static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + ", Java " + System.getProperty("java.version");
    }

    private static String runId() {
        return "chaos-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("MMddHHmmss")) + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100, 0x1000));
    }
}
