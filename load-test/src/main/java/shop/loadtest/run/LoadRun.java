package shop.loadtest.run;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import shop.loadtest.cli.Load;
import shop.loadtest.cli.Options;
import shop.loadtest.following.OrderFollower;
import shop.loadtest.placing.Persistent;
import shop.loadtest.placing.RetryPolicy;
import shop.loadtest.plan.Plan;
import shop.loadtest.shop.ShopClient;

/** Places a plan's orders under the chosen load model and follows each to its end. */
public final class LoadRun {

    private final Options options;
    private final ShopClient shop;
    private final Scheduler timer;
    private final Ticker ticker;
    private final PrintStream out;
    private final boolean terminal;

    public LoadRun(
            Options options, ShopClient shop, Scheduler timer, Ticker ticker, PrintStream out, boolean terminal) {
        this.options = options;
        this.shop = shop;
        this.timer = timer;
        this.ticker = ticker;
        this.out = out;
        this.terminal = terminal;
    }

    public Mono<RunResult> run(Plan plan) {
        return run(plan, new Measurements(), Mono.empty());
    }

    /**
     * As {@link #run(Plan)}, counting into {@code measurements}; the wait for the last sagas
     * starts once every order's placement settled and {@code calm} completed (a fault harness
     * passes the end of its fault, so that a saga is given the same time after both); a client's
     * patience with its POST, too, counts from the end of the fault at the earliest.
     */
    public Mono<RunResult> run(Plan plan, Measurements measurements, Mono<?> calm) {
        return Mono.defer(() -> {
            // --timeout counts from the moment the last order's placement settled
            Sinks.Empty<Void> allPlaced = Sinks.empty();
            Mono<Long> deadline = Mono.when(allPlaced.asMono(), calm)
                    .then(Mono.delay(options.timeout(), timer))
                    .cache();
            AtomicInteger unsettled = new AtomicInteger(plan.orders().size());
            Runnable placingSettled = () -> {
                if (unsettled.decrementAndGet() == 0) {
                    allPlaced.tryEmitEmpty();
                }
            };
            OrderFollower follower = new OrderFollower(shop, timer);
            Journey journey = new Journey(
                    shop,
                    new Persistent(RetryPolicy.standard(), timer, calm),
                    follower,
                    measurements,
                    ticker,
                    options.timeout(),
                    deadline,
                    placingSettled);
            long startedAt = ticker.nanos();
            var progress = new Progress(measurements, plan.orders().size(), out, terminal).show(timer);
            return start(plan, journey)
                    .sort(Comparator.comparingInt(outcome -> outcome.planned().index()))
                    .collectList()
                    .map(outcomes -> new RunResult(
                            outcomes,
                            measurements,
                            startedAt,
                            ticker.nanos(),
                            follower.reconnects(),
                            follower.fallbacksToPolling()))
                    .doFinally(signal -> progress.dispose());
        });
    }

    private Flux<OrderOutcome> start(Plan plan, Journey journey) {
        if (options.load() instanceof Load.Closed closed) {
            return Arrivals.closed(plan.orders(), closed.concurrency(), ticker, journey::run);
        }
        double rate = ((Load.Open) options.load()).ordersPerSecond();
        return Arrivals.open(plan.orders(), rate, timer, ticker, journey::run);
    }
}
