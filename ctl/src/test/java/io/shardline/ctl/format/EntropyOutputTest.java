package io.shardline.ctl.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.proto.datanode.EntropyOwnerDetail;
import io.shardline.proto.datanode.EntropyShardStatus;
import io.shardline.proto.datanode.EntropyStatusResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code entropy show} is byte for byte the table of the Enterprise 1.6 documentation. */
class EntropyOutputTest {

    private static long nanos(String instant) {
        Instant i = Instant.parse(instant);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    private static EntropyShardStatus shard(long id, String start, String end, String expires) {
        return EntropyShardStatus.newBuilder().setId(id).setDatabase("statsdb").setRetentionPolicy("1hour")
                .setStartTime(nanos(start)).setEndTime(nanos(end)).setExpires(expires == null ? 0 : nanos(expires))
                .setStatus("diff").build();
    }

    @Test
    void theSeedSample() {
        EntropyStatusResponse r = EntropyStatusResponse.newBuilder()
                .addShards(shard(21179, "2017-10-09T00:00:00Z", "2017-10-16T00:00:00Z", "2018-10-22T00:00:00Z"))
                .addShards(shard(25165, "2017-11-20T00:00:00Z", "2017-11-27T00:00:00Z", "2018-12-03T00:00:00Z"))
                .addQueuedShards(21179).addQueuedShards(25165).build();
        assertThat(EntropyOutput.render(r, false)).isEqualTo("""
                Entropy
                ==========
                ID     Database  Retention Policy  Start                          End                            Expires                        Status
                21179  statsdb   1hour             2017-10-09 00:00:00 +0000 UTC  2017-10-16 00:00:00 +0000 UTC  2018-10-22 00:00:00 +0000 UTC  diff
                25165  statsdb   1hour             2017-11-20 00:00:00 +0000 UTC  2017-11-27 00:00:00 +0000 UTC  2018-12-03 00:00:00 +0000 UTC  diff

                Queued Shards: [21179 25165]
                """);
    }

    @Test
    void withoutAQueueThereIsNoQueueLine() {
        EntropyStatusResponse r = EntropyStatusResponse.newBuilder()
                .addShards(shard(21179, "2018-06-06T12:00:00Z", "2018-06-06T23:44:12Z", "2018-12-06T00:00:00Z")).build();
        assertThat(EntropyOutput.render(r, false)).isEqualTo("""
                Entropy
                ==========
                ID     Database  Retention Policy  Start                          End                            Expires                        Status
                21179  statsdb   1hour             2018-06-06 12:00:00 +0000 UTC  2018-06-06 23:44:12 +0000 UTC  2018-12-06 00:00:00 +0000 UTC  diff
                """);
    }

    @Test
    void nothingToShowAndAnInfinitePolicy() {
        assertThat(EntropyOutput.render(EntropyStatusResponse.getDefaultInstance(), false)).isEqualTo("""
                Entropy
                ==========
                ID  Database  Retention Policy  Start  End  Expires  Status
                """);
        EntropyStatusResponse r = EntropyStatusResponse.newBuilder()
                .addShards(shard(3, "2023-01-02T00:00:00Z", "2023-01-09T00:00:00Z", null)).addQueuedShards(3).build();
        assertThat(EntropyOutput.render(r, false)).isEqualTo("""
                Entropy
                ==========
                ID  Database  Retention Policy  Start                          End                            Expires  Status
                3   statsdb   1hour             2023-01-02 00:00:00 +0000 UTC  2023-01-09 00:00:00 +0000 UTC           diff

                Queued Shards: [3]
                """);
    }

    @Test
    void verboseAddsEveryOwnersFigures() {
        EntropyStatusResponse r = EntropyStatusResponse.newBuilder()
                .addShards(shard(3, "2023-01-02T00:00:00Z", "2023-01-09T00:00:00Z", null))
                .addOwners(EntropyOwnerDetail.newBuilder().setShardId(3).setNodeId(5).setTcpAddress("data2:8088")
                        .setExists(true).setPoints(990).setDigestRoot(0x1b2cL).setLastModified(nanos("2023-01-05T10:00:01.5Z"))
                        .setEstimatedRepairBytes(-1))
                .addOwners(EntropyOwnerDetail.newBuilder().setShardId(3).setNodeId(4).setTcpAddress("data1:8088")
                        .setExists(true).setPoints(1000).setDigestRoot(0x8f3a000000000001L)
                        .setLastModified(nanos("2023-01-05T10:00:00Z")).setEstimatedRepairBytes(100))
                .build();
        assertThat(EntropyOutput.render(r, true)).isEqualTo("""
                Entropy
                ==========
                ID  Database  Retention Policy  Start                          End                            Expires  Status
                3   statsdb   1hour             2023-01-02 00:00:00 +0000 UTC  2023-01-09 00:00:00 +0000 UTC           diff

                Owners
                ==========
                Shard  Owner  TCP Address  Points  Digest Root       Last Modified                    Repair Bytes
                3      5      data2:8088   990     0000000000001b2c  2023-01-05 10:00:01.5 +0000 UTC  -
                3      4      data1:8088   1000    8f3a000000000001  2023-01-05 10:00:00 +0000 UTC    100
                """);
    }

    @Test
    void anOwnerThatDidNotAnswerOrLacksTheShard() {
        String out = EntropyOutput.owners(java.util.List.of(
                EntropyOwnerDetail.newBuilder().setShardId(3).setNodeId(5).setTcpAddress("data2:8088")
                        .setError("data node 5 at data2:8088 unreachable: UNAVAILABLE").setEstimatedRepairBytes(-1).build(),
                EntropyOwnerDetail.newBuilder().setShardId(3).setNodeId(4).setTcpAddress("data1:8088")
                        .setEstimatedRepairBytes(-1).build()));
        assertThat(out).isEqualTo("Owners\n==========\n"
                + "Shard  Owner  TCP Address  Points   Digest Root  Last Modified  Repair Bytes  Error\n"
                + "3      5      data2:8088   -        -            -              -             "
                + "data node 5 at data2:8088 unreachable: UNAVAILABLE\n"
                + "3      4      data1:8088   missing  -            -              -             \n");
    }
}
