package shop.loadtest.chaos;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.util.retry.Retry;
import shop.loadtest.check.Audit;
import shop.loadtest.check.Verdict;
import shop.loadtest.placing.Persistent;
import shop.loadtest.placing.RetryPolicy;
import shop.loadtest.plan.Plan;
import shop.loadtest.run.LoadRun;
import shop.loadtest.run.Measurements;
import shop.loadtest.run.OrderOutcome;
import shop.loadtest.run.RunResult;
import shop.loadtest.run.Ticker;
import shop.loadtest.setup.Setup;
import shop.loadtest.shop.OrderView;
import shop.loadtest.shop.ShopClient;

/**
 * One fault's round: products and customers of its own, orders at a steady rate, the fault
 * while they flow, then the wait for every saga and the checks through the public API.
 */
final class Round {

    private static final Duration DEAD_LETTER_WAIT = Duration.ofSeconds(30);
    private static final int READERS = 16;
    /** Enough to see what went wrong without drowning the report. */
    private static final int MAX_PROBLEMS = 20;

    private final ChaosOptions options;
    private final ShopClient shop;
    private final Broker broker;
    private final Scheduler timer;
    private final PrintStream progress;
    private final boolean terminal;
    private final Duration sagaDeadline = FaultWindow.sagaDeadline(System.getenv("SHOP_SAGA_DEADLINE"));

    Round(
            ChaosOptions options,
            ShopClient shop,
            Broker broker,
            Scheduler timer,
            PrintStream progress,
            boolean terminal) {
        this.options = options;
        this.shop = shop;
        this.broker = broker;
        this.timer = timer;
        this.progress = progress;
        this.terminal = terminal;
    }

    Mono<RoundResult> run(Fault fault, String roundId) {
        Plan plan = Plan.of(roundId, fault.mix(), options.ordersPerRound());
        Measurements measurements = new Measurements();
        AtomicInteger inFlightAtFault = new AtomicInteger();
        Ticker ticker = Ticker.system();
        FaultWindow window = new FaultWindow(ticker);
        LoadRun load = new LoadRun(options.loadOptions(), shop, timer, ticker, progress, terminal);
        return broker.deadLetters()
                .flatMap(deadLettersBefore -> new Setup(shop, new Persistent(RetryPolicy.standard(), timer))
                        .create(plan)
                        .then(Mono.defer(() -> {
                            Mono<Injection> injection = Mono.delay(options.faultAfter(), timer)
                                    .doOnNext(tick -> inFlightAtFault.set(measurements.inFlight()))
                                    .then(window.around(fault.inject()))
                                    .map(Injection::done)
                                    .onErrorResume(error -> Mono.just(Injection.failed(error)))
                                    .cache();
                            return Mono.zip(load.run(plan, measurements, injection), injection);
                        }))
                        .flatMap(ran -> deadLettersSince(
                                        deadLettersBefore,
                                        ran.getT2().injected().expectedDeadLetters())
                                .flatMap(deadLetters -> check(
                                        fault,
                                        plan,
                                        ran.getT1(),
                                        ran.getT2(),
                                        inFlightAtFault.get(),
                                        deadLetters,
                                        window.mayTimeOut(ran.getT1().outcomes(), sagaDeadline)))));
    }

    private Mono<RoundResult> check(
            Fault fault,
            Plan plan,
            RunResult result,
            Injection injection,
            int inFlightAtFault,
            long deadLetters,
            Set<Integer> mayTimeOut) {
        Mono<Verdict> verdict = new Audit(shop, timer).of(plan, result, mayTimeOut);
        Mono<List<Read>> reads = Flux.fromIterable(result.outcomes())
                .filter(OrderOutcome::accepted)
                .flatMap(this::read, READERS)
                .collectList();
        return Mono.zip(verdict, reads).map(checked -> {
            // what was lost or doubled first: the audit's findings often only follow from it
            List<String> problems = new ArrayList<>();
            int lost = 0;
            int duplicatesApplied = 0;
            for (OrderOutcome outcome : result.outcomes()) {
                if (!outcome.accepted()) {
                    lost++;
                    problems.add("order #" + outcome.planned().index() + " was never accepted: "
                            + outcome.error().orElse("?"));
                }
            }
            for (Read read : checked.getT2()) {
                if (read.view().isEmpty()) {
                    lost++;
                    problems.add("order " + read.outcome().orderId().orElseThrow() + " was accepted, and is unknown");
                    continue;
                }
                List<OrderView.Step> timeline = read.view().get().timeline();
                int repeated = timeline.size()
                        - (int) timeline.stream()
                                .map(OrderView.Step::type)
                                .distinct()
                                .count();
                if (repeated > 0) {
                    duplicatesApplied += repeated;
                    problems.add("order " + read.outcome().orderId().orElseThrow() + " has events twice: "
                            + timeline.stream().map(OrderView.Step::type).toList());
                }
            }
            int stuck = (int) result.outcomes().stream()
                    .filter(OrderOutcome::isUnfinished)
                    .count();
            int finished = (int)
                    result.outcomes().stream().filter(OrderOutcome::isFinal).count();
            Verdict invariants = checked.getT1();
            problems.addAll(invariants.problems());
            return new RoundResult(
                    fault.name(),
                    result.measurements().placed(),
                    inFlightAtFault,
                    finished,
                    lost,
                    stuck,
                    injection.injected().duplicatesSent(),
                    duplicatesApplied,
                    deadLetters,
                    injection.injected().expectedDeadLetters(),
                    invariants.stockConserved(),
                    invariants.moneyConserved(),
                    invariants.expectedOutcomes(),
                    injection.error(),
                    List.copyOf(problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS))));
        });
    }

    /** The order as the API shows it now; empty when the API says it does not know it. */
    private Mono<Read> read(OrderOutcome outcome) {
        return shop.order(outcome.orderId().orElseThrow())
                .map(view -> new Read(outcome, Optional.of(view)))
                .onErrorResume(
                        WebClientResponseException.NotFound.class,
                        notFound -> Mono.just(new Read(outcome, Optional.empty())))
                .retryWhen(Retry.backoff(5, Duration.ofMillis(200)).scheduler(timer));
    }

    /**
     * Dead letters added since the round began. The consumers dead-letter a poison message after
     * a few quick retries; wait until the expected ones are there, or long enough to say they are not.
     */
    private Mono<Long> deadLettersSince(long before, long expected) {
        return Flux.interval(Duration.ZERO, Duration.ofSeconds(1), timer)
                .onBackpressureDrop()
                .concatMap(tick -> broker.deadLetters().map(now -> now - before), 1)
                .takeUntil(added -> added >= expected)
                .take(DEAD_LETTER_WAIT)
                .last();
    }

    private record Read(OrderOutcome outcome, Optional<OrderView> view) {}
}
