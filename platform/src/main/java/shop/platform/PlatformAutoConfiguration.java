package shop.platform;

import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.pool.ConnectionPool;
import java.util.HashMap;
import java.util.Map;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import shop.platform.consumer.DeliveriesInFlight;
import shop.platform.consumer.EventConsumer;
import shop.platform.consumer.EventConsumers;
import shop.platform.database.AcquireTimedConnectionPool;
import shop.platform.database.WholeTransactions;
import shop.platform.deadletter.DeadLetterEndpoint;
import shop.platform.deadletter.DeadLetterQueues;
import shop.platform.event.EventCodec;
import shop.platform.inbox.Inbox;
import shop.platform.outbox.Outbox;
import shop.platform.outbox.OutboxRelay;
import shop.platform.publish.ConfirmedPublisher;
import shop.platform.topology.TopologyCheck;
import shop.platform.topology.TopologyProperties;
import shop.platform.web.ProblemResponses;
import shop.platform.web.StrictJsonInput;

/** The messaging plumbing every service gets by depending on {@code platform}. */
@AutoConfiguration
@EnableConfigurationProperties({MessagingProperties.class, TopologyProperties.class})
public class PlatformAutoConfiguration {

    @Bean
    static BeanPostProcessor acquireTimedConnectionPool(ObjectProvider<MeterRegistry> meters) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof ConnectionPool pool
                        ? new AcquireTimedConnectionPool(pool, meters.getObject())
                        : bean;
            }
        };
    }

    @Bean
    PlatformSchema platformSchema(
            @Value("${spring.flyway.url}") String url,
            @Value("${spring.flyway.user:postgres}") String user,
            @Value("${spring.flyway.password:}") String password) {
        return new PlatformSchema(url, user, password);
    }

    /** Checks the service's consumers, named by their stream bindings, and the queues it depends on. */
    @Bean
    TopologyCheck topologyCheck(
            Environment environment,
            ListableBeanFactory beans,
            TopologyProperties topology,
            MessagingProperties messaging,
            ConnectionFactory connectionFactory) {
        Map<String, EventConsumer> subscriptions = new HashMap<>();
        for (String function :
                environment.getProperty("spring.cloud.function.definition", "").split(";")) {
            String binding = "spring.cloud.stream.bindings." + function.strip() + "-in-0.";
            String destination = environment.getProperty(binding + "destination");
            if (destination != null && beans.getBean(function.strip()) instanceof EventConsumer consumer) {
                subscriptions.put(destination + "." + environment.getProperty(binding + "group"), consumer);
            }
        }
        return new TopologyCheck(
                environment.getRequiredProperty("spring.application.name"),
                messaging.exchange(),
                topology,
                new RabbitTemplate(connectionFactory),
                subscriptions);
    }

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    ConfirmedPublisher confirmedPublisher(ConnectionFactory connectionFactory, MessagingProperties properties) {
        return new ConfirmedPublisher(
                new RabbitTemplate(connectionFactory), properties.relay().confirmTimeout());
    }

    @Bean
    OutboxRelay outboxRelay(
            DatabaseClient db,
            TransactionalOperator transaction,
            ConfirmedPublisher publisher,
            MessagingProperties properties,
            MeterRegistry meters) {
        return new OutboxRelay(db, transaction, publisher, properties.relay(), meters);
    }

    @Bean
    Outbox outbox(DatabaseClient db, EventCodec codec, MessagingProperties properties, OutboxRelay relay) {
        return new Outbox(db, codec, properties.exchange(), relay);
    }

    @Bean
    WholeTransactions wholeTransactions(TransactionalOperator transaction) {
        return new WholeTransactions(transaction);
    }

    @Bean
    Inbox inbox(DatabaseClient db) {
        return new Inbox(db);
    }

    @Bean
    DeliveriesInFlight deliveriesInFlight(MessagingProperties properties) {
        return new DeliveriesInFlight(properties.consumer().drainTimeout());
    }

    @Bean
    EventConsumers eventConsumers(
            EventCodec codec,
            Inbox inbox,
            TransactionalOperator transaction,
            ConfirmedPublisher publisher,
            DeliveriesInFlight inFlight,
            MessagingProperties properties,
            MeterRegistry meters) {
        return new EventConsumers(codec, inbox, transaction, publisher, inFlight, properties.consumer(), meters);
    }

    @Bean
    RetentionSweeper retentionSweeper(DatabaseClient db, MessagingProperties properties) {
        return new RetentionSweeper(db, properties.retention());
    }

    @Bean
    DeadLetterEndpoint deadLetterEndpoint(ConnectionFactory connectionFactory, TopologyProperties topology) {
        var rabbit = ((CachingConnectionFactory) connectionFactory).getRabbitConnectionFactory();
        return new DeadLetterEndpoint(new DeadLetterQueues(rabbit, topology));
    }

    @Bean
    StrictJsonInput strictJsonInput() {
        return new StrictJsonInput();
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    ProblemResponses problemResponses() {
        return new ProblemResponses();
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    TraceContextWebFilter traceContextWebFilter() {
        return new TraceContextWebFilter();
    }
}
