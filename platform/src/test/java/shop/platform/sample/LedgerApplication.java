package shop.platform.sample;

import java.util.function.Consumer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;
import shop.platform.consumer.EventConsumers;
import shop.platform.consumer.EventHandlers;

/** The sample service the platform's tests run: one consumer, one table, one outgoing event. */
@SpringBootApplication
public class LedgerApplication {

    public static final String EXCHANGE = "ledger.events";
    public static final String QUEUE = "ledger.events.ledger";
    public static final String AUDIT_QUEUE = "ledger.events.audit";
    public static final String TOPOLOGY = "ledger-topology.yml";

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(LedgerApplication.class).properties("spring.config.name=ledger");
    }

    @Bean
    Ledger ledger(org.springframework.r2dbc.core.DatabaseClient db, shop.platform.outbox.Outbox outbox) {
        return new Ledger(db, outbox);
    }

    @Bean
    Consumer<Message<byte[]>> ledgerEvents(EventConsumers consumers, Ledger ledger) {
        return consumers.of(EventHandlers.builder()
                .on("AmountBooked", 1, AmountBooked.class, ledger::book)
                .build());
    }

    public static void main(String[] args) {
        SpringApplication.run(LedgerApplication.class, args);
    }
}
