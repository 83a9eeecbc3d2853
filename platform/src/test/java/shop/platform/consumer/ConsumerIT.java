package shop.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.amqp.core.Message;
import org.springframework.context.ConfigurableApplicationContext;
import shop.platform.MessagingProperties;
import shop.platform.deadletter.DeadLetter;
import shop.platform.deadletter.DeadLetterEndpoint;
import shop.platform.sample.Ledger;
import shop.platform.sample.LedgerApplication;
import shop.platform.sample.LedgerFixture;
import shop.platform.testing.TcpProxy;
import shop.platform.testing.TestInfrastructure;

/** One ledger service for the whole class; each test tells its messages apart by event id. */
class ConsumerIT {

    private static final String DLQ = LedgerApplication.QUEUE + ".dlq";

    @RegisterExtension
    static final TestInfrastructure infra = new TestInfrastructure(LedgerApplication.TOPOLOGY);

    static LedgerFixture ledger;
    static TcpProxy database;
    static ConfigurableApplicationContext app;
    static final List<Message> deadLetters = new ArrayList<>();

    @BeforeAll
    static void start() {
        ledger = new LedgerFixture(infra);
        database = new TcpProxy(infra.pgHost, infra.pgPort);
        app = ledger.start(infra.serviceProperties("ledger", database.port(), infra.rabbitPort));
    }

    @Test
    void theSameMessageDeliveredTwiceHasItsEffectOnce() {
        UUID eventId = UUID.randomUUID();
        String body = LedgerFixture.amountBooked(eventId, UUID.randomUUID(), 5, 0);

        double duplicatesBefore = acknowledged("duplicate");

        ledger.publish(eventId.toString(), body);
        ledger.publish(eventId.toString(), body);

        await().atMost(Duration.ofSeconds(10)).until(() -> acknowledged("duplicate") >= duplicatesBefore + 1);
        assertThat(entriesFor(eventId)).isEqualTo(1);
        assertThat(acknowledged("duplicate")).isEqualTo(duplicatesBefore + 1);
    }

    @Test
    void aHandlerThatFailsTwiceThenSucceedsIsRetriedAndAcknowledgedOnce() {
        double handledBefore = acknowledged("handled");
        UUID eventId = ledger.book(11, 2);

        await().atMost(Duration.ofSeconds(10)).until(() -> entriesFor(eventId) == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> acknowledged("handled") > handledBefore);
        assertThat(app.getBean(Ledger.class).attempts(eventId)).isBetween(3, 4);
        assertThat(deadLettersFor(eventId.toString())).isEmpty();
    }

    @Test
    void failingAndUnparseableMessagesEndInTheDeadLetterQueueWithTheirCause() {
        UUID poisoned = ledger.book(13, -1);
        String garbageId = UUID.randomUUID().toString();
        ledger.publish(garbageId, "{this is not json");
        UUID good = ledger.book(17, 0);

        await().atMost(Duration.ofSeconds(10)).until(() -> entriesFor(good) == 1);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> deadLettersFor(poisoned.toString()).size() == 1
                        && deadLettersFor(garbageId).size() == 1);

        var failing = deadLettersFor(poisoned.toString()).get(0).getMessageProperties();
        assertThat(failing.<String>getHeader("x-exception-type")).isEqualTo(IllegalStateException.class.getName());
        // Once with the messages it arrived with (if any), then alone: once and 3 retries.
        int attempts = app.getBean(Ledger.class).attempts(poisoned);
        assertThat(attempts).isBetween(4, 5);
        assertThat(failing.<String>getHeader("x-exception-message")).contains("the ledger refuses attempt " + attempts);
        assertThat(failing.<String>getHeader("x-original-exchange")).isEqualTo(LedgerApplication.EXCHANGE);
        assertThat(failing.<String>getHeader("x-original-routingKey")).isEqualTo("AmountBooked");
        assertThat(failing.getType()).isEqualTo("AmountBooked");

        var garbage = deadLettersFor(garbageId).get(0);
        assertThat(garbage.getMessageProperties().<String>getHeader("x-exception-message"))
                .contains("not JSON");
        assertThat(LedgerFixture.body(garbage)).isEqualTo("{this is not json");
        assertThat(entriesFor(poisoned)).isZero();
    }

    @Test
    void aDeadLetterIsListedWithItsCauseAndReplayedIntoTheQueueItFailedIn() {
        var ledgerService = app.getBean(Ledger.class);
        var endpoint = app.getBean(DeadLetterEndpoint.class);
        UUID orderId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        ledgerService.refuse(orderId);
        ledger.publish(eventId.toString(), LedgerFixture.amountBooked(eventId, orderId, 23, 0));

        var letter = await().atMost(Duration.ofSeconds(10))
                .until(() -> deadLetter(endpoint, eventId), found -> found != null);
        assertThat(letter.orderId()).isEqualTo(orderId.toString());
        assertThat(letter.type()).isEqualTo("AmountBooked");
        assertThat(letter.exceptionType()).isEqualTo(IllegalStateException.class.getName());
        assertThat(letter.exceptionMessage()).contains("the ledger refuses");
        assertThat(letter.originalExchange()).isEqualTo(LedgerApplication.EXCHANGE);
        assertThat(letter.originalRoutingKey()).isEqualTo("AmountBooked");
        assertThat(letter.body()).contains("\"amount\":23");

        ledgerService.accept(orderId);
        assertThat(endpoint.replay(LedgerApplication.QUEUE, eventId.toString()).block(Duration.ofSeconds(10)))
                .containsEntry("replayed", 1);

        await().atMost(Duration.ofSeconds(10)).until(() -> entriesFor(eventId) == 1);
        assertThat(deadLetter(endpoint, eventId)).isNull();
    }

    private static DeadLetter deadLetter(DeadLetterEndpoint endpoint, UUID eventId) {
        return endpoint.list().block(Duration.ofSeconds(10)).getOrDefault(LedgerApplication.QUEUE, List.of()).stream()
                .filter(letter -> eventId.toString().equals(letter.messageId()))
                .findFirst()
                .orElse(null);
    }

    @Test
    void messagesWaitOutADatabaseOutageLongerThanAnyRetryCountAndNoneIsDeadLettered() {
        database.cut();
        List<UUID> booked = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                booked.add(ledger.book(i, 0));
            }
            // Far longer than the message retries (3 x 20 ms) would last.
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() -> entriesFor(booked) == 0);
        } finally {
            database.restore();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> entriesFor(booked) == booked.size());
        assertThat(booked)
                .allSatisfy(eventId ->
                        assertThat(deadLettersFor(eventId.toString())).isEmpty());
        assertThat(ledger.messagesIn(LedgerApplication.QUEUE)).isZero();
    }

    @Test
    void messagesArrivingTogetherShareTransactions() {
        List<UUID> booked = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            booked.add(ledger.book(i, 0));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> entriesFor(booked) == booked.size());
        var batches = app.getBean(MeterRegistry.class)
                .find("shop.consumer.batch.size")
                .summary();
        assertThat(batches).isNotNull();
        assertThat(batches.max()).isGreaterThan(1);
        assertThat(batches.count()).isLessThan(booked.size());
    }

    @Test
    void everyWaitForAPooledConnectionIsTimedAndTheBootPoolGaugesStillSeeThePool() {
        UUID eventId = ledger.book(3, 0);
        await().atMost(Duration.ofSeconds(10)).until(() -> entriesFor(eventId) == 1);

        var meters = app.getBean(MeterRegistry.class);
        var acquire = meters.find("shop.db.acquire").timer();
        assertThat(acquire).isNotNull();
        assertThat(acquire.count()).isPositive();
        assertThat(meters.find("r2dbc.pool.max.allocated").gauge()).isNotNull();
    }

    /**
     * One lane is kept busy by a held message, so that everything published to that lane meanwhile
     * is waiting when it is released and forms one batch.
     */
    @Test
    void aBatchAppliesEachEventOnceAndOneOrdersEventsInArrivalOrderInOneTransaction() {
        double duplicatesBefore = acknowledged("duplicate");
        var lane = new BusyLane();
        UUID orderWithTwoEvents = lane.order();
        UUID first = lane.publish(orderWithTwoEvents, 1);
        UUID second = lane.publish(orderWithTwoEvents, 2);
        UUID duplicated = lane.publish(lane.order(), 3);
        lane.publishAgain(duplicated, 3);
        UUID other = lane.publish(lane.order(), 4);
        List<UUID> batch = List.of(first, second, duplicated, other);
        lane.release();

        await().atMost(Duration.ofSeconds(10)).until(() -> entriesFor(batch) == batch.size());
        assertThat(batch).allSatisfy(eventId -> assertThat(entriesFor(eventId)).isEqualTo(1));
        assertThat(ledger.count(
                        "SELECT count(DISTINCT xmin::text) FROM ledger_entry WHERE event_id IN " + inList(batch)))
                .as("one transaction for the batch")
                .isEqualTo(1);
        assertThat(position(first)).isLessThan(position(second));
        await().atMost(Duration.ofSeconds(5)).until(() -> acknowledged("duplicate") == duplicatesBefore + 1);

        // Once more, after its batch committed: acknowledged as a duplicate, no second effect.
        lane.publishAgain(duplicated, 3);
        await().atMost(Duration.ofSeconds(10)).until(() -> acknowledged("duplicate") >= duplicatesBefore + 2);
        assertThat(entriesFor(duplicated)).isEqualTo(1);
    }

    @Test
    void aPoisonMessageInABatchIsDeadLetteredWhileTheGoodOnesCommit() {
        var lane = new BusyLane();
        UUID poisonedOrder = lane.order();
        app.getBean(Ledger.class).refuse(poisonedOrder);
        List<UUID> good = new ArrayList<>();
        good.add(lane.publish(lane.order(), 1));
        UUID poisoned = lane.publish(poisonedOrder, 2);
        good.add(lane.publish(lane.order(), 3));
        good.add(lane.publish(lane.order(), 4));
        lane.release();

        await().atMost(Duration.ofSeconds(10)).until(() -> entriesFor(good) == good.size());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> deadLettersFor(poisoned.toString()).size() == 1);
        assertThat(entriesFor(poisoned)).isZero();
        assertThat(good)
                .allSatisfy(eventId ->
                        assertThat(deadLettersFor(eventId.toString())).isEmpty());
    }

    /** A lane held up by one message in its transaction; what is published to it meanwhile waits. */
    private static final class BusyLane {

        private final int lanes =
                app.getBean(MessagingProperties.class).consumer().lanes();
        private final UUID heldOrder = UUID.randomUUID();
        private final int index = Math.floorMod(heldOrder.toString().hashCode(), lanes);
        private final Map<UUID, UUID> orders = new HashMap<>();

        BusyLane() {
            app.getBean(Ledger.class).hold(heldOrder);
            UUID held = publish(heldOrder, 0);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> app.getBean(Ledger.class).attempts(held) == 1);
        }

        /** A new order whose messages go to this lane. */
        UUID order() {
            UUID orderId;
            do {
                orderId = UUID.randomUUID();
            } while (Math.floorMod(orderId.toString().hashCode(), lanes) != index);
            return orderId;
        }

        UUID publish(UUID orderId, int amount) {
            UUID eventId = UUID.randomUUID();
            orders.put(eventId, orderId);
            publishAgain(eventId, amount);
            return eventId;
        }

        void publishAgain(UUID eventId, int amount) {
            ledger.publish(eventId.toString(), LedgerFixture.amountBooked(eventId, orders.get(eventId), amount, 0));
        }

        /** Lets the held message commit once everything published has reached the lane. */
        void release() {
            await().atMost(Duration.ofSeconds(10)).until(() -> ledger.messagesIn(LedgerApplication.QUEUE) == 0);
            app.getBean(Ledger.class).release(heldOrder);
        }
    }

    private static long position(UUID eventId) {
        return ledger.count("SELECT position FROM ledger_entry WHERE event_id = '" + eventId + "'");
    }

    private static String inList(List<UUID> eventIds) {
        return eventIds.stream().map(id -> "'" + id + "'").collect(Collectors.joining(",", "(", ")"));
    }

    private static double acknowledged(String outcome) {
        var counter = app.getBean(MeterRegistry.class)
                .find("shop.consumer.messages")
                .tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static long entriesFor(UUID eventId) {
        return ledger.count("SELECT count(*) FROM ledger_entry WHERE event_id = '" + eventId + "'");
    }

    private static long entriesFor(List<UUID> eventIds) {
        return eventIds.stream().mapToLong(ConsumerIT::entriesFor).sum();
    }

    private static List<Message> deadLettersFor(String messageId) {
        synchronized (deadLetters) {
            deadLetters.addAll(ledger.drain(DLQ));
            return deadLetters.stream()
                    .filter(message ->
                            messageId.equals(message.getMessageProperties().getMessageId()))
                    .toList();
        }
    }
}
