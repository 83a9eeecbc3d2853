package shop.loadtest.chaos;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;
import shop.loadtest.run.OrderOutcome;
import shop.loadtest.run.Ticker;

/**
 * When a round's fault lasted, on the clock the orders are timed with. A fault that outlasts
 * the saga's deadline may make the sagas it caught in flight time out (CANCELLED/TIMED_OUT, with
 * everything given back): for those orders, and no others, that outcome is expected too.
 */
final class FaultWindow {

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)");

    private final Ticker ticker;
    private volatile long start;
    private volatile long end;

    FaultWindow(Ticker ticker) {
        this.ticker = ticker;
    }

    /** Times the fault: from when it hits until it is over. */
    <T> Mono<T> around(Mono<T> fault) {
        return fault.doOnSubscribe(subscription -> start = ticker.nanos()).doFinally(signal -> end = ticker.nanos());
    }

    /** The planned orders (by index) in flight during a fault that lasted longer than {@code deadline}. */
    Set<Integer> mayTimeOut(List<OrderOutcome> outcomes, Duration deadline) {
        if (end - start <= deadline.toNanos()) {
            return Set.of();
        }
        return outcomes.stream()
                .filter(OrderOutcome::accepted)
                .filter(outcome ->
                        outcome.intendedStart() <= end && (!outcome.isFinal() || outcome.finishedAt() >= start))
                .map(outcome -> outcome.planned().index())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The services' saga deadline: {@code SHOP_SAGA_DEADLINE} as infra/up passes it on (30s, 500ms, 2m), 30 s by default. */
    static Duration sagaDeadline(String setting) {
        if (setting == null || setting.isBlank()) {
            return Duration.ofSeconds(30);
        }
        Matcher matcher = DURATION.matcher(setting.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("SHOP_SAGA_DEADLINE must be like 30s, 500ms or 2m, not " + setting);
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofMinutes(amount);
        };
    }
}
