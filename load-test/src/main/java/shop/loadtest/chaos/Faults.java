package shop.loadtest.chaos;

import java.time.Duration;
import java.util.List;

/** The faults {@code infra/chaos} knows, by name. */
final class Faults {

    static final List<String> ALL = List.of(
            "kill-order-service",
            "kill-inventory-service",
            "kill-payment-service",
            "kill-shipping-service",
            "kill-gateway",
            "restart-rabbitmq",
            "restart-postgres",
            "duplicates",
            "poison",
            "slow-inventory-service",
            "cancellations");

    /**
     * A few faults that cover the kinds of harm (a crash, an outage, bad messages, customers
     * changing their minds) in a few minutes.
     */
    static final List<String> SHORT =
            List.of("kill-payment-service", "restart-rabbitmq", "duplicates", "poison", "cancellations");

    /** ARCHITECTURE §4: one topic exchange per producing service. */
    private static final List<String> EXCHANGES =
            List.of("order.events", "inventory.events", "payment.events", "shipping.events");

    private static final Duration DOWN_FOR = Duration.ofSeconds(3);
    private static final Duration SLOW_FOR = Duration.ofSeconds(15);
    private static final Duration COPY_FOR = Duration.ofSeconds(5);
    private static final int MAX_COPIES = 1_000;

    private Faults() {}

    static Fault named(String name, Host host, Broker broker) {
        if (name.startsWith("kill-")) {
            return new KillService(host, name.substring("kill-".length()), DOWN_FOR);
        }
        if (name.startsWith("slow-")) {
            return new SlowService(host, name.substring("slow-".length()), SLOW_FOR);
        }
        return switch (name) {
            case "restart-rabbitmq" -> new RestartBroker(host, DOWN_FOR);
            case "restart-postgres" -> new RestartDatabase(host, DOWN_FOR);
            case "duplicates" -> new DuplicateDelivery(broker, EXCHANGES, COPY_FOR, MAX_COPIES);
            case "poison" -> new Poison(broker, EXCHANGES);
            case "cancellations" -> new CustomerCancellations();
            default -> throw new IllegalArgumentException("unknown fault " + name);
        };
    }
}
