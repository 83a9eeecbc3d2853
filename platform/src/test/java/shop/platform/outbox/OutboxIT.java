package shop.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import shop.platform.database.WholeTransactions;
import shop.platform.event.EventCodec;
import shop.platform.event.OutgoingEvent;
import shop.platform.sample.LedgerApplication;
import shop.platform.sample.LedgerFixture;
import shop.platform.testing.TcpProxy;
import shop.platform.testing.TestInfrastructure;

class OutboxIT {

    @RegisterExtension
    static final TestInfrastructure infra = new TestInfrastructure(LedgerApplication.TOPOLOGY);

    static LedgerFixture ledger;
    final List<Message> audited = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void startFixture() {
        ledger = new LedgerFixture(infra);
    }

    @Test
    void publishesACommittedEventOnceAndARolledBackOneNever() {
        var properties = infra.serviceProperties("commit");
        try (var app = ledger.start(properties)) {
            UUID committed = UUID.randomUUID();
            UUID rolledBack = UUID.randomUUID();

            StepVerifier.create(inTransaction(app, committed)).verifyComplete();
            StepVerifier.create(transaction(app)
                            .transactional(outbox(app)
                                    .append(recorded(rolledBack))
                                    .then(Mono.error(new IllegalStateException("the state change failed")))))
                    .verifyErrorMessage("the state change failed");

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> auditedFor(committed).size() == 1);
            await().atMost(Duration.ofSeconds(10)).until(() -> pendingIn("commit") == 0);
            assertThat(auditedFor(committed)).hasSize(1);
            assertThat(auditedFor(rolledBack)).isEmpty();
            assertThat(infra.database("commit").count("SELECT count(*) FROM platform.outbox"))
                    .isEqualTo(1);

            var message = auditedFor(committed).get(0);
            var headers = message.getMessageProperties();
            String body = LedgerFixture.body(message);
            assertThat(headers.getType()).isEqualTo("AmountRecorded");
            assertThat(headers.getContentType()).isEqualTo("application/json");
            assertThat(headers.getTimestamp()).isNotNull();
            assertThat(headers.getReceivedRoutingKey()).isEqualTo("AmountRecorded");
            assertThat(headers.<Object>getHeader("orderId")).isEqualTo(committed.toString());
            assertThat(headers.<Object>getHeader("schemaVersion")).isEqualTo(1);
            assertThat(headers.getHeaders()).doesNotContainKey("causationId");
            assertThat(headers.<String>getHeader("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
            assertThat(body)
                    .contains("\"eventId\":\"" + headers.getMessageId() + "\"")
                    .contains("\"type\":\"AmountRecorded\"", "\"schemaVersion\":1", "\"amount\":7")
                    .contains("\"orderId\":\"" + committed + "\"")
                    .containsPattern("\"occurredAt\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\"");
        }
    }

    @Test
    void anEventCommittedBeforeTheRelayDiedIsPublishedAfterARestart() {
        var properties = infra.serviceProperties("restart");
        UUID orderId = UUID.randomUUID();
        try (var crashing = ledger.start(properties)) {
            crashing.getBean(OutboxRelay.class).stop();
            StepVerifier.create(inTransaction(crashing, orderId)).verifyComplete();
            assertThat(pendingIn("restart")).isEqualTo(1);
        }
        assertThat(auditedFor(orderId)).isEmpty();

        try (var restarted = ledger.start(properties)) {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> auditedFor(orderId).size() == 1);
            await().atMost(Duration.ofSeconds(10)).until(() -> pendingIn("restart") == 0);
        }
    }

    @Test
    void eventsWaitWhileTheBrokerIsUnreachableAndGoOutOnceItIsBack() {
        try (var proxy = new TcpProxy(infra.rabbitHost, infra.rabbitPort)) {
            var properties = infra.serviceProperties("outage", infra.pgPort, proxy.port());
            try (var app = ledger.start(properties)) {
                UUID orderId = UUID.randomUUID();
                proxy.cut();
                StepVerifier.create(inTransaction(app, orderId)).verifyComplete();

                await().during(Duration.ofSeconds(2))
                        .atMost(Duration.ofSeconds(5))
                        .until(() -> pendingIn("outage") == 1);
                assertThat(auditedFor(orderId)).isEmpty();

                proxy.restore();
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> auditedFor(orderId).size() == 1);
                await().atMost(Duration.ofSeconds(10)).until(() -> pendingIn("outage") == 0);
                assertThat(auditedFor(orderId)).hasSize(1);
            }
        }
    }

    @Test
    void aReturnedUnroutableMessageIsAFailedPublishThatHoldsUpNoOtherAndGoesOutOnceAQueueIsBound() {
        var properties = infra.serviceProperties("unroutable");
        try (var app = ledger.start(properties)) {
            var orphans = new TopicExchange("orphan.events");
            ledger.admin().declareExchange(orphans);
            var orphanOutbox = new Outbox(
                    app.getBean(DatabaseClient.class),
                    app.getBean(EventCodec.class),
                    "orphan.events",
                    app.getBean(OutboxRelay.class));
            UUID orderId = UUID.randomUUID();

            StepVerifier.create(transaction(app).transactional(orphanOutbox.append(recorded(orderId))))
                    .verifyComplete();
            await().during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> pendingIn("unroutable") == 1);

            var late = new Queue("orphan.events.late", false, false, true);
            ledger.admin().declareQueue(late);
            ledger.admin().declareBinding(BindingBuilder.bind(late).to(orphans).with("#"));

            await().atMost(Duration.ofSeconds(30)).until(() -> pendingIn("unroutable") == 0);
            List<Message> arrived = ledger.drain("orphan.events.late");
            assertThat(arrived).hasSize(1);
            assertThat(arrived.get(0).getMessageProperties().<Object>getHeader("orderId"))
                    .isEqualTo(orderId.toString());
        }
    }

    @Test
    void twoRelaysOnOneOutboxPublishEveryEventExactlyOnce() {
        var properties = infra.serviceProperties("two_relays");
        try (var first = ledger.start(properties);
                var second = ledger.start(properties)) {
            List<UUID> orderIds = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                orderIds.add(UUID.randomUUID());
            }
            Flux.fromIterable(orderIds)
                    .buffer(4)
                    .index()
                    .flatMap(
                            batch -> {
                                var app = batch.getT1() % 2 == 0 ? first : second;
                                return transaction(app)
                                        .transactional(outbox(app)
                                                .append(batch.getT2().stream()
                                                        .map(OutboxIT::recorded)
                                                        .toList()));
                            },
                            8)
                    .blockLast(Duration.ofSeconds(60));

            await().atMost(Duration.ofSeconds(60)).until(() -> pendingIn("two_relays") == 0);
            await().atMost(Duration.ofSeconds(10)).until(() -> audited(orderIds) >= orderIds.size());
            var published = orderIds.stream().map(this::auditedFor).toList();
            assertThat(published).allSatisfy(copies -> assertThat(copies).hasSize(1));
        }
    }

    @Test
    void sentRowsAndHandledEventsAreDeletedOnceTheirRetentionHasPassed() {
        try (var app = ledger.start(infra.serviceProperties("retention"))) {
            var db = infra.database("retention");
            db.query(connection -> connection.createStatement().executeUpdate("""
                    INSERT INTO platform.outbox (event_id, exchange, type, schema_version, order_id, traceparent, occurred_at, body, sent_at)
                    VALUES (gen_random_uuid(), 'ledger.events', 'Old', 1, gen_random_uuid(), 't', now(), '{}', now() - interval '2 days'),
                           (gen_random_uuid(), 'ledger.events', 'Recent', 1, gen_random_uuid(), 't', now(), '{}', now() - interval '1 hour');
                    INSERT INTO platform.inbox (consumer, event_id, handled_at)
                    VALUES ('q', gen_random_uuid(), now() - interval '15 days'), ('q', gen_random_uuid(), now() - interval '13 days');
                    """));

            StepVerifier.create(
                            app.getBean(shop.platform.RetentionSweeper.class).sweep())
                    .expectNext(2L)
                    .verifyComplete();

            assertThat(db.count("SELECT count(*) FROM platform.outbox WHERE type = 'Recent'"))
                    .isEqualTo(1);
            assertThat(db.count("SELECT count(*) FROM platform.outbox")).isEqualTo(1);
            assertThat(db.count("SELECT count(*) FROM platform.inbox")).isEqualTo(1);
        }
    }

    @Test
    void aTransactionWhoseCallerStopsWaitingCommitsAllOfItOrNothing() {
        var properties = infra.serviceProperties("cancel");
        try (var app = ledger.start(properties)) {
            DatabaseClient db = app.getBean(DatabaseClient.class);
            UUID abandoned = UUID.randomUUID();
            UUID cancelled = UUID.randomUUID();

            // The caller gives up while the work is between its two writes.
            StepVerifier.create(app.getBean(WholeTransactions.class).run(entryThenEvent(app, db, abandoned)))
                    .thenAwait(Duration.ofMillis(100))
                    .thenCancel()
                    .verify();
            StepVerifier.create(transaction(app).transactional(entryThenEvent(app, db, cancelled)))
                    .thenAwait(Duration.ofMillis(100))
                    .thenCancel()
                    .verify();

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> auditedFor(abandoned).size() == 1);
            assertThat(entriesOf(abandoned)).isEqualTo(1);
            assertThat(entriesOf(cancelled)).isZero();
            assertThat(infra.database("cancel")
                            .count("SELECT count(*) FROM platform.outbox WHERE order_id = '" + cancelled + "'"))
                    .isZero();
        }
    }

    private long audited(List<UUID> orderIds) {
        ledger.drain(LedgerApplication.AUDIT_QUEUE).forEach(audited::add);
        return audited.size();
    }

    private List<Message> auditedFor(UUID orderId) {
        audited.addAll(ledger.drain(LedgerApplication.AUDIT_QUEUE));
        synchronized (audited) {
            return audited.stream()
                    .filter(message -> orderId.toString()
                            .equals(message.getMessageProperties().getHeader("orderId")))
                    .toList();
        }
    }

    private static Mono<Void> entryThenEvent(ConfigurableApplicationContext app, DatabaseClient db, UUID orderId) {
        return db.sql("INSERT INTO ledger_entry (event_id, order_id, amount) VALUES (:eventId, :orderId, 7)")
                .bind("eventId", UUID.randomUUID())
                .bind("orderId", orderId)
                .then()
                .then(Mono.delay(Duration.ofMillis(400)))
                .then(outbox(app).append(recorded(orderId)));
    }

    private static long entriesOf(UUID orderId) {
        return infra.database("cancel").count("SELECT count(*) FROM ledger_entry WHERE order_id = '" + orderId + "'");
    }

    private static Mono<Void> inTransaction(ConfigurableApplicationContext app, UUID orderId) {
        return transaction(app).transactional(outbox(app).append(recorded(orderId)));
    }

    private static OutgoingEvent recorded(UUID orderId) {
        return new OutgoingEvent("AmountRecorded", 1, orderId, Map.of("amount", 7));
    }

    private static Outbox outbox(ConfigurableApplicationContext app) {
        return app.getBean(Outbox.class);
    }

    private static TransactionalOperator transaction(ConfigurableApplicationContext app) {
        return app.getBean(TransactionalOperator.class);
    }

    private static long pendingIn(String database) {
        return infra.database(database).count("SELECT count(*) FROM platform.outbox WHERE sent_at IS NULL");
    }
}
