package shop.platform.topology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The messaging graph ({@code shop.topology.*}), service by service: the exchange each one
 * publishes to and the events it consumes from others' exchanges. A service consumes from one
 * queue per exchange, {@code <exchange>.<service>}. The {@link TopologyDeclarer} declares it all;
 * each service checks its part of it ({@link TopologyCheck}).
 *
 * @param deliveryLimit redeliveries after which the broker itself dead-letters a message
 * @param auditQueues queues nobody consumes, each bounded by its {@code maxLength}
 */
@ConfigurationProperties("shop.topology")
public record TopologyProperties(
        @DefaultValue("20") int deliveryLimit,
        @DefaultValue Map<String, ServiceSpec> services,
        @DefaultValue List<QueueSpec> auditQueues) {

    /** @param publishes the service's own exchange; none for a service that only consumes */
    public record ServiceSpec(
            String publishes, @DefaultValue List<BindingSpec> consumes) {}

    public record BindingSpec(String exchange, @DefaultValue List<String> keys) {}

    /** @param maxLength bounds a queue nobody consumes: the oldest messages make room */
    public record QueueSpec(String name, List<BindingSpec> bindings, Long maxLength) {

        boolean boundTo(String exchange) {
            return bindings.stream().anyMatch(binding -> binding.exchange().equals(exchange));
        }
    }

    /** Every service's exchange. */
    public List<String> exchanges() {
        return services.values().stream()
                .map(ServiceSpec::publishes)
                .filter(exchange -> exchange != null)
                .toList();
    }

    /** Who publishes to {@code exchange}. */
    public Optional<String> producerOf(String exchange) {
        return services.entrySet().stream()
                .filter(service -> exchange.equals(service.getValue().publishes()))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /** Every queue: the consumers', in the order the services are listed, then the audit queues. */
    public List<QueueSpec> queues() {
        List<QueueSpec> queues = new ArrayList<>();
        services.forEach(
                (service, spec) -> queues.addAll(consumerQueues(service, spec).values()));
        queues.addAll(auditQueues);
        return queues;
    }

    /** The queues {@code service} consumes from, by name. */
    public Map<String, QueueSpec> queuesOf(String service) {
        ServiceSpec spec = services.get(service);
        return spec == null ? Map.of() : consumerQueues(service, spec);
    }

    private static Map<String, QueueSpec> consumerQueues(String service, ServiceSpec spec) {
        Map<String, QueueSpec> queues = new LinkedHashMap<>();
        for (BindingSpec binding : spec.consumes()) {
            String name = binding.exchange() + "." + service;
            if (queues.put(name, new QueueSpec(name, List.of(binding), null)) != null) {
                throw new IllegalArgumentException(
                        service + " consumes from " + binding.exchange() + " twice: list its keys once");
            }
        }
        return queues;
    }
}
