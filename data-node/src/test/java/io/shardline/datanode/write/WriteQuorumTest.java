package io.shardline.datanode.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.common.error.ErrorCode;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The acknowledgement rules of the reference's consistency table. */
class WriteQuorumTest {

    private static final OwnerResult ACK = OwnerResult.acked(4);
    private static final OwnerResult QUEUED = OwnerResult.queued(5, ErrorCode.UNAVAILABLE, "node 5 unreachable");
    private static final OwnerResult DOWN = OwnerResult.failed(5, ErrorCode.UNAVAILABLE, "node 5 unreachable");
    private static final OwnerResult FULL = OwnerResult.failed(6, ErrorCode.QUEUE_FULL, "queue is full");

    @ParameterizedTest(name = "{0} of {1} owners needs {2}")
    @CsvSource({"any,2,1", "one,2,1", "quorum,1,1", "quorum,2,2", "quorum,3,2", "quorum,4,3", "quorum,5,3",
            "all,1,1", "all,3,3"})
    void requiredAcks(String level, int owners, int required) {
        assertThat(ConsistencyLevel.parse(level).required(owners)).isEqualTo(required);
    }

    @Test
    void parsesLevelsCaseInsensitivelyAndDefaultsToOne() {
        assertThat(ConsistencyLevel.parse("ALL")).isEqualTo(ConsistencyLevel.ALL);
        assertThat(ConsistencyLevel.parse("")).isEqualTo(ConsistencyLevel.ONE);
        assertThat(ConsistencyLevel.parse(null)).isEqualTo(ConsistencyLevel.ONE);
        assertThatThrownBy(() -> ConsistencyLevel.parse("most")).hasMessage("invalid consistency level");
    }

    private static Optional<WriteQuorum.Outcome> feed(ConsistencyLevel level, OwnerResult... results) {
        WriteQuorum q = new WriteQuorum(level, results.length);
        Optional<WriteQuorum.Outcome> out = Optional.empty();
        for (OwnerResult r : results) {
            out = q.record(r);
        }
        return out;
    }

    @Test
    void oneSucceedsOnTheFirstAckEvenIfOthersAreStillPending() {
        WriteQuorum q = new WriteQuorum(ConsistencyLevel.ONE, 3);
        assertThat(q.record(ACK)).hasValueSatisfying(o -> assertThat(o.success()).isTrue());
        assertThat(q.record(DOWN)).hasValueSatisfying(o -> assertThat(o.success()).isTrue());
    }

    @Test
    void anyCountsAHintedHandoffEnqueueButOneDoesNot() {
        assertThat(feed(ConsistencyLevel.ANY, QUEUED, QUEUED)).hasValueSatisfying(o -> assertThat(o.success()).isTrue());
        assertThat(feed(ConsistencyLevel.ONE, QUEUED, QUEUED)).hasValueSatisfying(o -> {
            assertThat(o.success()).isFalse();
            assertThat(o.message()).isEqualTo("write failed: node 5 unreachable");
        });
    }

    @Test
    void allWithOneOwnerDownIsAPartialWrite() {
        assertThat(feed(ConsistencyLevel.ALL, ACK, QUEUED)).hasValueSatisfying(o -> {
            assertThat(o.success()).isFalse();
            assertThat(o.code()).isEqualTo(ErrorCode.WRITE_FAILED);
            assertThat(o.message()).isEqualTo("partial write");
        });
        assertThat(feed(ConsistencyLevel.QUORUM, ACK, DOWN)).hasValueSatisfying(o ->
                assertThat(o.message()).isEqualTo("partial write"));
    }

    @Test
    void undecidedUntilEveryOwnerAnsweredWhenTheLevelIsNotMet() {
        WriteQuorum q = new WriteQuorum(ConsistencyLevel.ALL, 2);
        assertThat(q.record(ACK)).isEmpty();
        assertThat(q.outcome()).isEmpty();
    }

    @Test
    void aFullQueueSurfacesWhenNothingWasWritten() {
        assertThat(feed(ConsistencyLevel.ANY, FULL)).hasValueSatisfying(o -> {
            assertThat(o.code()).isEqualTo(ErrorCode.QUEUE_FULL);
            assertThat(o.message()).isEqualTo("write failed: queue is full");
        });
        assertThat(feed(ConsistencyLevel.ONE, OwnerResult.failed(4, ErrorCode.INTERNAL, ""))).hasValueSatisfying(o ->
                assertThat(o.message()).isEqualTo("write failed"));
    }

    @Test
    void refusesMoreResultsThanOwners() {
        WriteQuorum q = new WriteQuorum(ConsistencyLevel.ONE, 1);
        q.record(ACK);
        assertThatThrownBy(() -> q.record(ACK)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void awaitAllDecidesOnlyOnceEveryOwnerAnsweredByTheSameRules() {
        WriteQuorum q = new WriteQuorum(ConsistencyLevel.ONE, 2, true);
        assertThat(q.record(ACK)).isEmpty();
        assertThat(q.acked()).isEqualTo(1);
        assertThat(q.record(QUEUED)).hasValueSatisfying(o -> assertThat(o.success()).isTrue());
        WriteQuorum none = new WriteQuorum(ConsistencyLevel.ONE, 2, true);
        assertThat(none.record(QUEUED)).isEmpty();
        assertThat(none.record(DOWN)).hasValueSatisfying(o -> {
            assertThat(o.success()).isFalse();
            assertThat(o.message()).isEqualTo("write failed: node 5 unreachable");
        });
    }
}
