package shop.platform.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventCodecTests {

    static final UUID EVENT_ID = UUID.fromString("4d5e6f7a-8b9c-4d0e-8f1a-3b4c5d6e7f10");
    static final UUID ORDER_ID = UUID.fromString("3f1c2a9e-8a4b-4c1e-9d2f-6b7a8c9d0e1f");
    static final UUID CAUSATION_ID = UUID.fromString("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c04");
    static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    final EventCodec codec = new EventCodec();

    record ParcelSent(String trackingNumber, int parcels) {}

    record Amount(UUID orderId, int amount) {}

    record PositiveAmount(int amount) {
        PositiveAmount {
            if (amount <= 0) {
                throw new IllegalArgumentException("amount must be positive");
            }
        }
    }

    @Test
    void encodeWritesTheEnvelopeFirstAndTheEventsOwnFieldsAfter() {
        String json = codec.encode(
                EVENT_ID,
                new OutgoingEvent("ParcelSent", 2, ORDER_ID, new ParcelSent("TRK-1", 3)),
                Instant.parse("2026-11-27T10:15:30.123Z"),
                CAUSATION_ID);

        assertThat(json)
                .isEqualTo("{\"eventId\":\"" + EVENT_ID + "\",\"type\":\"ParcelSent\",\"schemaVersion\":2,"
                        + "\"orderId\":\"" + ORDER_ID + "\",\"occurredAt\":\"2026-11-27T10:15:30.123Z\","
                        + "\"causationId\":\"" + CAUSATION_ID + "\",\"trackingNumber\":\"TRK-1\",\"parcels\":3}");
    }

    @Test
    void encodeWritesANullCausationOfAnEventNothingCaused() {
        String json = codec.encode(
                EVENT_ID,
                new OutgoingEvent("ParcelSent", 1, ORDER_ID, new ParcelSent("TRK-1", 1)),
                Instant.parse("2026-11-27T10:15:30.123Z"),
                null);

        assertThat(json).contains("\"causationId\":null,\"trackingNumber\"");
    }

    @Test
    void encodeIgnoresEnvelopeNamesAmongTheEventsOwnFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("eventId", "not-the-event-id");
        fields.put("type", "Forged");
        fields.put("schemaVersion", 99);
        fields.put("orderId", "not-the-order-id");
        fields.put("occurredAt", "yesterday");
        fields.put("causationId", "not-the-cause");
        fields.put("amount", 5);

        String json = codec.encode(
                EVENT_ID,
                new OutgoingEvent("AmountBooked", 1, ORDER_ID, fields),
                Instant.parse("2026-11-27T10:15:30.123Z"),
                CAUSATION_ID);

        assertThat(json)
                .isEqualTo("{\"eventId\":\"" + EVENT_ID + "\",\"type\":\"AmountBooked\",\"schemaVersion\":1,"
                        + "\"orderId\":\"" + ORDER_ID + "\",\"occurredAt\":\"2026-11-27T10:15:30.123Z\","
                        + "\"causationId\":\"" + CAUSATION_ID + "\",\"amount\":5}");
    }

    @Test
    void encodeWritesOccurredAtWithMillisecondsEvenWhenTheyAreZero() {
        String json = codec.encode(
                EVENT_ID,
                new OutgoingEvent("ParcelSent", 1, ORDER_ID, new ParcelSent("TRK-1", 1)),
                Instant.parse("2026-11-27T10:15:30Z"),
                null);

        assertThat(json).contains("\"occurredAt\":\"2026-11-27T10:15:30.000Z\"");
        assertThat(EventCodec.formatTime(Instant.parse("2026-11-27T10:15:30.123456Z")))
                .isEqualTo("2026-11-27T10:15:30.123Z");
    }

    @Test
    void encodeRefusesFieldsThatAreNotAJsonObject() {
        assertThatThrownBy(() -> codec.encode(
                        EVENT_ID, new OutgoingEvent("Odd", 1, ORDER_ID, List.of(1, 2)), Instant.now(), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be a JSON object");
    }

    @Test
    void decodeReadsTheEnvelopeTheExchangeTheTraceAndKeepsUnknownFields() {
        IncomingEvent event = decode("""
                {"eventId":"%s","type":"ParcelSent","schemaVersion":1,"orderId":"%s",
                 "occurredAt":"2026-11-27T10:15:30.123Z","causationId":"%s",
                 "trackingNumber":"TRK-1","parcels":3,"aFieldNobodyKnows":{"nested":[1,2]}}""".formatted(EVENT_ID, ORDER_ID, CAUSATION_ID), TRACEPARENT);

        assertThat(event.eventId()).isEqualTo(EVENT_ID);
        assertThat(event.type()).isEqualTo("ParcelSent");
        assertThat(event.schemaVersion()).isEqualTo(1);
        assertThat(event.orderId()).isEqualTo(ORDER_ID);
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-27T10:15:30.123Z"));
        assertThat(event.causationId()).isEqualTo(CAUSATION_ID);
        assertThat(event.exchange()).isEqualTo("order.events");
        assertThat(event.traceParent()).isEqualTo(TraceParent.parse(TRACEPARENT));
        assertThat(event.body().has("aFieldNobodyKnows")).isTrue();
        assertThat(codec.fields(event, ParcelSent.class)).isEqualTo(new ParcelSent("TRK-1", 3));
    }

    @Test
    void decodeAcceptsAMissingOrNullCausationAndAMissingTrace() {
        String withoutCausation = valid().replace(",\"causationId\":\"" + CAUSATION_ID + "\"", "");
        String nullCausation = valid().replace("\"" + CAUSATION_ID + "\"", "null");

        assertThat(decode(withoutCausation, null).causationId()).isNull();
        assertThat(decode(nullCausation, null).causationId()).isNull();
        assertThat(decode(valid(), null).traceParent()).isNull();
        assertThat(decode(valid(), "garbage").traceParent()).isNull();
    }

    static Stream<Arguments> malformedBodies() {
        String valid = valid();
        return Stream.of(
                Arguments.of("not JSON", "{this is not json", "body is not JSON"),
                Arguments.of("empty", "", "body is not"),
                Arguments.of("an array", "[" + valid + "]", "body is not a JSON object"),
                Arguments.of("a string", "\"ParcelSent\"", "body is not a JSON object"),
                Arguments.of("null", "null", "body is not a JSON object"),
                Arguments.of("no eventId", without(valid, "eventId"), "missing 'eventId'"),
                Arguments.of(
                        "eventId not a UUID", valid.replace(EVENT_ID.toString(), "event-1"), "'eventId' is not a UUID"),
                Arguments.of("eventId null", valid.replace("\"" + EVENT_ID + "\"", "null"), "missing 'eventId'"),
                Arguments.of(
                        "eventId a number", valid.replace("\"" + EVENT_ID + "\"", "7"), "missing or invalid 'eventId'"),
                Arguments.of("no type", without(valid, "type"), "missing or invalid 'type'"),
                Arguments.of("blank type", valid.replace("\"ParcelSent\"", "\" \""), "missing or invalid 'type'"),
                Arguments.of("type a number", valid.replace("\"ParcelSent\"", "3"), "missing or invalid 'type'"),
                Arguments.of(
                        "no schemaVersion",
                        valid.replace("\"schemaVersion\":1,", ""),
                        "missing or invalid 'schemaVersion'"),
                Arguments.of(
                        "schemaVersion 0",
                        valid.replace("\"schemaVersion\":1", "\"schemaVersion\":0"),
                        "missing or invalid 'schemaVersion'"),
                Arguments.of(
                        "schemaVersion a string",
                        valid.replace("\"schemaVersion\":1", "\"schemaVersion\":\"1\""),
                        "missing or invalid 'schemaVersion'"),
                Arguments.of(
                        "schemaVersion a decimal",
                        valid.replace("\"schemaVersion\":1", "\"schemaVersion\":1.5"),
                        "missing or invalid 'schemaVersion'"),
                Arguments.of("no orderId", without(valid, "orderId"), "missing 'orderId'"),
                Arguments.of(
                        "orderId not a UUID", valid.replace(ORDER_ID.toString(), "order-1"), "'orderId' is not a UUID"),
                Arguments.of("no occurredAt", without(valid, "occurredAt"), "missing or invalid 'occurredAt'"),
                Arguments.of(
                        "occurredAt not an instant",
                        valid.replace("2026-11-27T10:15:30.123Z", "yesterday"),
                        "'occurredAt' is not an ISO-8601 instant"),
                Arguments.of(
                        "occurredAt without zone",
                        valid.replace("2026-11-27T10:15:30.123Z", "2026-11-27T10:15:30"),
                        "'occurredAt' is not an ISO-8601 instant"),
                Arguments.of(
                        "causationId not a UUID",
                        valid.replace(CAUSATION_ID.toString(), "cause-1"),
                        "'causationId' is not a UUID"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedBodies")
    void decodeRefusesAMalformedBody(String problem, String body, String reason) {
        assertThatThrownBy(() -> decode(body, TRACEPARENT))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void fieldsMapsTheBodyToTheConsumersOwnRecordIncludingEnvelopeFields() {
        IncomingEvent event = decode(valid().replace("}", ",\"amount\":12}"), null);

        assertThat(codec.fields(event, Amount.class)).isEqualTo(new Amount(ORDER_ID, 12));
    }

    @Test
    void fieldsThatDoNotMatchTheRecordAreMalformed() {
        IncomingEvent wrongType = decode(valid().replace("}", ",\"amount\":\"twelve\"}"), null);
        IncomingEvent refusedByTheRecord = decode(valid().replace("}", ",\"amount\":-1}"), null);

        assertThatThrownBy(() -> codec.fields(wrongType, Amount.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageStartingWith("ParcelSent does not match Amount");
        assertThatThrownBy(() -> codec.fields(refusedByTheRecord, PositiveAmount.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("amount must be positive");
    }

    private IncomingEvent decode(String body, String traceparent) {
        return codec.decode(body.getBytes(StandardCharsets.UTF_8), "order.events", traceparent);
    }

    private static String valid() {
        return "{\"eventId\":\"" + EVENT_ID + "\",\"type\":\"ParcelSent\",\"schemaVersion\":1,\"orderId\":\""
                + ORDER_ID + "\",\"occurredAt\":\"2026-11-27T10:15:30.123Z\",\"causationId\":\"" + CAUSATION_ID
                + "\"}";
    }

    /** The body without one of its text fields. */
    private static String without(String body, String field) {
        return body.replaceAll("\"" + field + "\":\"[^\"]*\",?", "");
    }
}
