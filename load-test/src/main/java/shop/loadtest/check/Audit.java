package shop.loadtest.check;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.util.retry.Retry;
import shop.loadtest.plan.CustomerSpec;
import shop.loadtest.plan.Plan;
import shop.loadtest.plan.ProductSpec;
import shop.loadtest.run.OrderOutcome;
import shop.loadtest.run.RunResult;
import shop.loadtest.shop.CustomerView;
import shop.loadtest.shop.ProductView;
import shop.loadtest.shop.ShopClient;

/** Reads the end state through the API and checks it. */
public final class Audit {

    /** Inventory turns a reservation into a sale just after OrderConfirmed: give it a moment. */
    private static final Duration SETTLE_EVERY = Duration.ofMillis(500);

    private static final int SETTLE_CHECKS = 30;
    private static final int READERS = 16;

    private final ShopClient shop;
    private final Scheduler timer;

    public Audit(ShopClient shop, Scheduler timer) {
        this.shop = shop;
        this.timer = timer;
    }

    /** The end state of a run in which no order may time out. */
    public Mono<Verdict> of(Plan plan, RunResult result) {
        return of(plan, result, Set.of());
    }

    /** @param mayTimeOut the planned orders (by index) that may also end CANCELLED/TIMED_OUT */
    public Mono<Verdict> of(Plan plan, RunResult result, Set<Integer> mayTimeOut) {
        boolean allFinal = result.outcomes().stream().allMatch(OrderOutcome::isFinal);
        return Flux.fromIterable(result.outcomes())
                .flatMapSequential(this::audited, READERS)
                .collectList()
                .flatMap(orders -> Flux.interval(Duration.ZERO, SETTLE_EVERY, timer)
                        .onBackpressureDrop()
                        .take(allFinal ? SETTLE_CHECKS : 1)
                        .concatMap(tick -> check(plan, orders, mayTimeOut), 1)
                        .takeUntil(Verdict::allHold)
                        .last());
    }

    private Mono<Audited> audited(OrderOutcome outcome) {
        return outcome.orderId()
                .map(orderId -> shop.order(orderId).retryWhen(readRetries()).map(Optional::of))
                .orElse(Mono.just(Optional.empty()))
                .onErrorReturn(Optional.empty())
                .map(view -> new Audited(outcome.planned(), view));
    }

    private Mono<Verdict> check(Plan plan, List<Audited> orders, Set<Integer> mayTimeOut) {
        Mono<Map<String, ProductView>> products = read(plan.products(), ProductSpec::sku, shop::product);
        Mono<Map<String, CustomerView>> customers = read(plan.customers(), CustomerSpec::customerId, shop::customer);
        return Mono.zip(products, customers)
                .map(state -> InvariantCheck.check(plan, orders, state.getT1(), state.getT2(), mayTimeOut));
    }

    /** What could be read; an unreadable one is missing from the map, and the check says so. */
    private <S, V> Mono<Map<String, V>> read(List<S> specs, Function<S, String> key, Function<String, Mono<V>> get) {
        return Flux.fromIterable(specs)
                .flatMap(spec -> get.apply(key.apply(spec))
                        .retryWhen(readRetries())
                        .map(view -> Map.entry(key.apply(spec), view))
                        .onErrorResume(error -> Mono.empty()))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    private Retry readRetries() {
        return Retry.backoff(3, Duration.ofMillis(200)).scheduler(timer);
    }
}
