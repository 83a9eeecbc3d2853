package shop.loadtest.chaos;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@code kill -9} of one service; a few seconds later {@code infra/up} starts it again. */
record KillService(Host host, String service, Duration downFor) implements Fault {

    @Override
    public String name() {
        return "kill-" + service;
    }

    @Override
    public Mono<Injected> inject() {
        return host.process(service)
                .flatMap(process -> Mono.fromCallable(() -> {
                            process.destroyForcibly(); // SIGKILL: no shutdown hook, no drain
                            return process.onExit().get(30, TimeUnit.SECONDS);
                        })
                        .subscribeOn(Schedulers.boundedElastic()))
                .then(Mono.delay(downFor))
                .then(host.up(service))
                .thenReturn(Injected.NOTHING);
    }
}
