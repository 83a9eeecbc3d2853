package shop.loadtest.chaos;

import java.time.Duration;
import reactor.core.publisher.Mono;

/** RabbitMQ stopped ({@code rabbitmqctl stop_app}) and started again a few seconds later. */
record RestartBroker(Host host, Duration downFor) implements Fault {

    private static final Duration COMMAND_LIMIT = Duration.ofMinutes(2);

    @Override
    public String name() {
        return "restart-rabbitmq";
    }

    @Override
    public Mono<Injected> inject() {
        return host.run(COMMAND_LIMIT, "rabbitmqctl", "stop_app")
                .then(Mono.delay(downFor))
                .then(host.run(COMMAND_LIMIT, "rabbitmqctl", "start_app"))
                .then(host.run(COMMAND_LIMIT, "rabbitmqctl", "await_startup"))
                .thenReturn(Injected.NOTHING);
    }
}
