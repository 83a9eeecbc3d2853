package shop.loadtest.chaos;

import java.time.Duration;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One service slowed to a tenth of its speed for a while: every second it is frozen
 * ({@code SIGSTOP}) for 900 ms, then let run ({@code SIGCONT}) for 100 ms, so its queues back up
 * while its connections stay open.
 */
record SlowService(Host host, String service, Duration slowFor) implements Fault {

    private static final Duration FROZEN = Duration.ofMillis(900);
    private static final Duration RUNNING = Duration.ofMillis(100);

    @Override
    public String name() {
        return "slow-" + service;
    }

    @Override
    public Mono<Injected> inject() {
        long cycles = slowFor.toMillis() / FROZEN.plus(RUNNING).toMillis();
        return host.process(service)
                .flatMap(process -> Flux.range(0, (int) cycles)
                        .concatMap(cycle -> host.signal(process, "STOP")
                                .then(Mono.delay(FROZEN))
                                .then(host.signal(process, "CONT"))
                                .then(Mono.delay(RUNNING)))
                        .then()
                        // never leave it frozen, whatever went wrong
                        .onErrorResume(error -> host.signal(process, "CONT").then(Mono.error(error)))
                        .thenReturn(Injected.NOTHING));
    }
}
