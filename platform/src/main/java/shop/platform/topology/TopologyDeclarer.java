package shop.platform.topology;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Exchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import shop.platform.PlatformEnvironment;

/**
 * Declares a topology on the broker: the one step that may create exchanges, queues and
 * bindings, run before the services start ({@code infra/up}, the test infrastructure). Declaring
 * again changes nothing; a queue declared earlier with other arguments is refused by the broker,
 * and the declarer stops with its answer.
 *
 * <pre>{@code java -cp <any service's jar> shop.platform.topology.TopologyDeclarer}</pre>
 *
 * reaches the broker the services reach, from the same {@code SHOP_RABBIT_*} variables.
 */
public final class TopologyDeclarer {

    /** The shop's topology, {@code contracts/topology.yml} in the repository. */
    public static final String SHOP_TOPOLOGY = "shop/topology.yml";

    private TopologyDeclarer() {}

    public static void main(String[] args) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addLast(PlatformEnvironment.defaults());
        var connections = new CachingConnectionFactory(
                environment.getRequiredProperty("spring.rabbitmq.host"),
                environment.getRequiredProperty("spring.rabbitmq.port", Integer.class));
        connections.setUsername(environment.getRequiredProperty("spring.rabbitmq.username"));
        connections.setPassword(environment.getRequiredProperty("spring.rabbitmq.password"));
        connections.setVirtualHost(environment.getRequiredProperty("spring.rabbitmq.virtual-host"));
        try {
            TopologyProperties topology = load(args.length > 0 ? args[0] : SHOP_TOPOLOGY);
            declare(connections, topology);
            System.out.printf(
                    "Declared %d exchanges and %d queues in vhost %s%n",
                    topology.exchanges().size(),
                    Topology.declarables(topology)
                            .getDeclarablesByType(Queue.class)
                            .size(),
                    connections.getVirtualHost());
        } catch (RuntimeException e) {
            System.err.println("Could not declare the topology: " + e);
            System.exit(1);
        } finally {
            connections.destroy();
        }
    }

    /** Reads a topology file from the classpath. */
    public static TopologyProperties load(String resource) {
        var sources = new org.springframework.core.env.MutablePropertySources();
        try {
            new YamlPropertySourceLoader()
                    .load(resource, new ClassPathResource(resource))
                    .forEach(sources::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return new Binder(ConfigurationPropertySources.from(sources))
                .bindOrCreate("shop.topology", Bindable.of(TopologyProperties.class));
    }

    /** Declares every exchange, then every queue, then every binding; fails on the first refusal. */
    public static void declare(ConnectionFactory connections, TopologyProperties topology) {
        var admin = new RabbitAdmin(connections);
        admin.setIgnoreDeclarationExceptions(false);
        var declarables = Topology.declarables(topology);
        declarables.getDeclarablesByType(Exchange.class).forEach(admin::declareExchange);
        declarables.getDeclarablesByType(Queue.class).forEach(admin::declareQueue);
        declarables.getDeclarablesByType(Binding.class).forEach(admin::declareBinding);
    }
}
