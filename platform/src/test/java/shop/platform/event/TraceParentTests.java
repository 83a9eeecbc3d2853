package shop.platform.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TraceParentTests {

    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String SPAN_ID = "00f067aa0ba902b7";
    static final String HEADER = "00-" + TRACE_ID + "-" + SPAN_ID + "-01";

    @Test
    void parsesAValidHeader() {
        assertThat(TraceParent.parse(HEADER)).isEqualTo(new TraceParent(TRACE_ID, SPAN_ID, "01"));
        assertThat(TraceParent.parse("  " + HEADER + " ")).isEqualTo(new TraceParent(TRACE_ID, SPAN_ID, "01"));
        assertThat(TraceParent.parse("00-" + TRACE_ID + "-" + SPAN_ID + "-00").flags())
                .isEqualTo("00");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "garbage",
                "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
                "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b-01",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-1",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",
                "00_4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7_01",
                "00-4bf92f3577b34da6a3ce929d0e0e473g-00f067aa0ba902b7-01"
            })
    void anAbsentOrInvalidHeaderYieldsNull(String header) {
        assertThat(TraceParent.parse(header)).isNull();
    }

    @Test
    void allZeroIdsAreInvalid() {
        assertThat(TraceParent.parse("00-" + "0".repeat(32) + "-" + SPAN_ID + "-01"))
                .isNull();
        assertThat(TraceParent.parse("00-" + TRACE_ID + "-" + "0".repeat(16) + "-01"))
                .isNull();
    }

    @Test
    void aChildKeepsTheTraceAndItsFlagsWithASpanOfItsOwn() {
        TraceParent parent = TraceParent.parse("00-" + TRACE_ID + "-" + SPAN_ID + "-00");

        TraceParent child = parent.child();

        assertThat(child.traceId()).isEqualTo(TRACE_ID);
        assertThat(child.flags()).isEqualTo("00");
        assertThat(child.spanId()).matches("[0-9a-f]{16}").isNotEqualTo(SPAN_ID);
        assertThat(child.child().spanId()).isNotEqualTo(child.spanId());
    }

    @Test
    void formatsAsTheHeaderItWasParsedFrom() {
        assertThat(TraceParent.parse(HEADER).toString()).isEqualTo(HEADER);
        assertThat(new TraceParent(TRACE_ID, SPAN_ID, "01").toString()).isEqualTo(HEADER);
    }

    @Test
    void aNewTraceIsValidAndSampled() {
        TraceParent trace = TraceParent.newTrace();

        assertThat(trace.toString()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(TraceParent.parse(trace.toString())).isEqualTo(trace);
        assertThat(TraceParent.newTrace().traceId()).isNotEqualTo(trace.traceId());
    }
}
