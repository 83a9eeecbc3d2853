package shop.loadtest;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.function.Tuples;
import shop.loadtest.check.Audit;
import shop.loadtest.cli.Options;
import shop.loadtest.cli.OptionsParser;
import shop.loadtest.cli.UsageException;
import shop.loadtest.cost.Cost;
import shop.loadtest.cost.SystemProbe;
import shop.loadtest.cost.Usage;
import shop.loadtest.placing.Persistent;
import shop.loadtest.placing.RetryPolicy;
import shop.loadtest.plan.Plan;
import shop.loadtest.report.Report;
import shop.loadtest.report.ReportBuilder;
import shop.loadtest.report.ReportFiles;
import shop.loadtest.report.SummaryTable;
import shop.loadtest.run.LoadRun;
import shop.loadtest.run.Measurements;
import shop.loadtest.run.Ticker;
import shop.loadtest.setup.Setup;
import shop.loadtest.shop.ShopClient;

/** {@code infra/load-test}: exit 0 when every order is final and every invariant holds, 1 otherwise, 2 on bad options. */
public final class LoadTest {

    private LoadTest() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.console() != null));
    }

    /** Runs the tool in this JVM and answers its exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err, boolean terminal) {
        if (OptionsParser.wantsHelp(args)) {
            out.print(OptionsParser.USAGE);
            return 0;
        }
        Options options;
        try {
            options = OptionsParser.parse(args);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.print(OptionsParser.USAGE);
            return 2;
        }
        Plan plan = Plan.of(runId(), options.mix(), options.orders());
        Scheduler timer = Schedulers.parallel();
        Optional<SystemProbe> probe = SystemProbe.local(System.getenv());
        try (ShopClient shop = ShopClient.connect(options.gateway(), options.maxConnections())) {
            Mono<Optional<Report.WarmUp>> warmUp = options.warmUp() == 0
                    ? Mono.just(Optional.empty())
                    : measuredRun(
                                    options.forWarmUp(),
                                    Plan.of(runId() + "-w", options.mix(), options.warmUp()),
                                    shop,
                                    timer,
                                    out,
                                    terminal,
                                    Optional.empty())
                            .map(finished -> {
                                out.print("warm-up, left out of the figures below:");
                                out.print(SummaryTable.render(finished.report()));
                                return Optional.of(Report.WarmUp.of(finished.report()));
                            });
            // the one place that waits: a command line has nothing else to do meanwhile
            Finished finished = warmUp.flatMap(done -> measuredRun(options, plan, shop, timer, out, terminal, probe)
                            .map(run -> new Finished(
                                    run.report()
                                            .with(
                                                    done.orElse(null),
                                                    run.report().cost(),
                                                    run.report().viewStalenessMs()),
                                    run.measurements())))
                    .block();
            return finish(options, finished, out, err);
        } catch (RuntimeException e) {
            err.println("error: the run failed: " + e.getMessage());
            return 1;
        }
    }

    /**
     * Creates the plan's products and customers, places and follows its orders, audits the
     * outcome; with a probe, also what the run cost the machine between its first order and its
     * last final status.
     */
    private static Mono<Finished> measuredRun(
            Options options,
            Plan plan,
            ShopClient shop,
            Scheduler timer,
            PrintStream out,
            boolean terminal,
            Optional<SystemProbe> probe) {
        Mono<Optional<Usage>> reading =
                Mono.fromCallable(() -> probe.map(SystemProbe::read)).subscribeOn(Schedulers.boundedElastic());
        return Mono.fromRunnable(() -> out.printf(
                        "run %s: %d orders against %s; creating %d products and %d customers%n",
                        plan.runId(),
                        options.orders(),
                        options.gateway(),
                        plan.products().size(),
                        plan.customers().size()))
                .then(new Setup(shop, new Persistent(RetryPolicy.standard(), timer)).create(plan))
                .then(reading)
                .flatMap(before -> new LoadRun(options, shop, timer, Ticker.system(), out, terminal)
                        .run(plan)
                        .flatMap(result -> reading.map(after -> Tuples.of(result, after)))
                        .flatMap(runAndAfter -> {
                            var result = runAndAfter.getT1();
                            Cost cost =
                                    before.isPresent() && runAndAfter.getT2().isPresent()
                                            ? Cost.between(
                                                    before.get(),
                                                    runAndAfter.getT2().get(),
                                                    result.measurements().completed(),
                                                    SystemProbe.SERVICES,
                                                    probe.get().jvms())
                                            : null;
                            return Mono.zip(new Audit(shop, timer).of(plan, result), shop.viewStaleness())
                                    .map(checked -> new Finished(
                                            ReportBuilder.build(options, plan, result, checked.getT1())
                                                    .with(
                                                            null,
                                                            cost,
                                                            checked.getT2().orElse(null)),
                                            result.measurements()));
                        }));
    }

    private static int finish(Options options, Finished finished, PrintStream out, PrintStream err) {
        out.print(SummaryTable.render(finished.report()));
        if (options.report().isPresent()) {
            try {
                Path chart = ReportFiles.write(options.report().get(), finished.report(), finished.measurements());
                out.println("report: " + options.report().get().toAbsolutePath() + ", chart: " + chart);
            } catch (IOException e) {
                err.println("error: cannot write the report: " + e.getMessage());
                return 1;
            }
        }
        return finished.report().passed() ? 0 : 1;
    }

    /** Unique enough to keep this run's products and customers apart from every other run's. */
    private static String runId() {
        return LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyMMddHHmmss")) + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    }

    private record Finished(Report report, Measurements measurements) {}
}
