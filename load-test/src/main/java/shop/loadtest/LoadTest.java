package shop.loadtest;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import shop.loadtest.check.Audit;
import shop.loadtest.cli.Options;
import shop.loadtest.cli.OptionsParser;
import shop.loadtest.cli.UsageException;
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
        out.printf(
                "run %s: %d orders against %s; creating %d products and %d customers%n",
                plan.runId(),
                options.orders(),
                options.gateway(),
                plan.products().size(),
                plan.customers().size());
        try (ShopClient shop = ShopClient.connect(options.gateway(), options.maxConnections())) {
            // the one place that waits: a command line has nothing else to do meanwhile
            Finished finished = new Setup(shop, new Persistent(RetryPolicy.standard(), timer))
                    .create(plan)
                    .then(new LoadRun(options, shop, timer, Ticker.system(), out, terminal).run(plan))
                    .flatMap(result -> new Audit(shop, timer)
                            .of(plan, result)
                            .map(verdict -> new Finished(
                                    ReportBuilder.build(options, plan, result, verdict), result.measurements())))
                    .block();
            return finish(options, finished, out, err);
        } catch (RuntimeException e) {
            err.println("error: the run failed: " + e.getMessage());
            return 1;
        }
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
