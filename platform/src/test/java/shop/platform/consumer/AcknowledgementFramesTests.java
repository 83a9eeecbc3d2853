package shop.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import shop.platform.consumer.Acknowledgements.Frames;

class AcknowledgementFramesTests {

    @Test
    void aBatchHoldingTheChannelsLowestTagsIsAcknowledgedWithOneMultipleAck() {
        var frames = Frames.of(new TreeSet<>(List.of(3L, 4L, 5L, 9L)), List.of(3L, 4L, 5L));

        assertThat(frames).isEqualTo(new Frames(5, List.of()));
    }

    @Test
    void aMultipleAckStopsJustBelowTheLowestTagAnotherLaneStillHolds() {
        // Tag 4 belongs to another lane whose transaction has not committed.
        var frames = Frames.of(new TreeSet<>(List.of(1L, 2L, 4L, 5L, 6L)), List.of(1L, 2L, 5L, 6L));

        assertThat(frames).isEqualTo(new Frames(2, List.of(5L, 6L)));
    }

    @Test
    void aBatchAboveAHeldTagIsAcknowledgedOneByOne() {
        var frames = Frames.of(new TreeSet<>(List.of(1L, 7L, 8L)), List.of(7L, 8L));

        assertThat(frames).isEqualTo(new Frames(0, List.of(7L, 8L)));
    }

    @Test
    void aSingleDeliveryNeedsNoMultipleAck() {
        var frames = Frames.of(new TreeSet<>(List.of(4L, 6L)), List.of(4L));

        assertThat(frames).isEqualTo(new Frames(0, List.of(4L)));
    }

    @Test
    void aTagAlreadySettledIsNotAcknowledgedAgain() {
        var frames = Frames.of(new TreeSet<>(List.of(2L, 9L)), List.of(5L, 9L));

        assertThat(frames).isEqualTo(new Frames(0, List.of(9L)));
    }
}
