package io.shardline.launcher.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.common.time.ManualClock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The importer against a server that answers like 1.8: DDL then DML with context switches, every
 * failed line reported with its number and reason while the good lines of the same batch count as
 * inserted, batches of 5,000, files without {@code # DML}, and {@code -pps} pacing.
 */
class ImporterTest {

    private final FakeInflux server = new FakeInflux();
    private final ManualClock clock = new ManualClock();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<Long> sleeps = new ArrayList<>();

    private Importer.Summary run(String file, String database, long pps) throws Exception {
        Importer importer = new Importer(server, clock, nanos -> {
            sleeps.add(nanos);
            clock.advance(Duration.ofNanos(nanos));
        }, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new Importer.Options(database, pps, Importer.BATCH_SIZE, 2));
        return importer.run(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)));
    }

    private List<String> errLines() {
        return err.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void runsTheDdlThenWritesEachContextAndReportsEveryFailedLine() throws Exception {
        String file = """
                # INFLUXDB EXPORT: 1677-09-21T00:12:43Z - 2262-04-11T23:47:16Z
                # DDL
                CREATE DATABASE db WITH NAME autogen
                CREATE DATABASE "other" WITH NAME rp1
                CREATE DATABASE db WITH NAME "one hour"
                CREATE DATABASE db WITH NAME autogen
                # DML
                # CONTEXT-DATABASE:db
                # CONTEXT-RETENTION-POLICY:autogen
                # writing tsm data
                cpu,host=a value=1 1
                cpu,host=a value= 2
                cpu,host=a s="two
                # lines" 3
                mem v=1i 4
                mem v=1.5 5

                # CONTEXT-DATABASE:other
                # CONTEXT-RETENTION-POLICY:rp1
                disk free=1 6
                # CONTEXT-DATABASE:missing
                disk free=1 7
                disk free=2 8""";
        Importer.Summary s = run(file, "", 0);
        assertThat(s.commands()).isEqualTo(4);
        assertThat(s.inserts()).isEqualTo(4);
        assertThat(s.failed()).isEqualTo(4);
        assertThat(server.statements).containsExactly("CREATE DATABASE db WITH NAME autogen [db=]",
                "CREATE DATABASE \"other\" WITH NAME rp1 [db=]", "CREATE DATABASE db WITH NAME \"one hour\" [db=]");
        // The conflict hides the parse error, so the batch was narrowed down by resending halves.
        assertThat(server.stored.stream().distinct()).containsExactly("db/autogen cpu,host=a value=1 1",
                "db/autogen cpu,host=a s=\"two\n# lines\" 3", "db/autogen mem v=1i 4", "other/rp1 disk free=1 6");
        assertThat(errLines()).containsExactly(
                "error: retention policy conflicts with an existing policy",
                "(database db exists without retention policy one hour: create it first with CREATE RETENTION POLICY,"
                        + " giving the duration, replication and shard duration it should have)",
                "line 12: unable to parse 'cpu,host=a value= 2': missing field value",
                "line 16: partial write: field type conflict: input field \"v\" on measurement \"mem\" is type float,"
                        + " already exists as type integer dropped=1",
                "lines 22-23 (2 points, db=missing rp=rp1): 404 database not found: \"missing\"");
    }

    @Test
    void findsTheBadLinesOfFullBatchesAndCountsTheRestAsInserted() throws Exception {
        StringBuilder f = new StringBuilder("# DDL\nCREATE DATABASE db\n# DML\n# CONTEXT-DATABASE:db\n");
        int header = 4;
        for (int i = 1; i <= 12_001; i++) {
            if (i == 7_000) {
                f.append("cpu v=oops ").append(i).append('\n');
            } else if (i == 11_000) {
                f.append("cpu v=").append(i).append("i ").append(i).append('\n');
            } else {
                f.append("cpu v=").append(i).append(' ').append(i).append('\n');
            }
        }
        Importer.Summary s = run(f.toString(), "", 0);
        assertThat(s.inserts()).isEqualTo(11_999);
        assertThat(s.failed()).isEqualTo(2);
        assertThat(server.stored.stream().distinct().count()).isEqualTo(11_999);
        assertThat(errLines()).containsExactly(
                "line " + (7_000 + header) + ": unable to parse 'cpu v=oops 7000': invalid boolean",
                "line " + (11_000 + header) + ": partial write: field type conflict: input field \"v\" on measurement"
                        + " \"cpu\" is type integer, already exists as type float dropped=1");
        // 3 batches; the parse error costs nothing more, the conflict about 2 x log2(2001) resends.
        assertThat(server.writes).isBetween(3 + 2, 3 + 2 * 12);
    }

    @Test
    void aFileWithoutDmlIsLineProtocolFromItsFirstDataLine() throws Exception {
        server.databases.add("db");
        Importer.Summary s = run("cpu v=1 1\ncpu v=2 2\n", "db", 0);
        assertThat(s.commands()).isZero();
        assertThat(s.inserts()).isEqualTo(2);
        assertThat(errLines()).containsExactly(
                "line 1 is not InfluxQL and no # DML line came before it: importing the rest as line protocol");
        assertThat(Importer.isStatement("  create database x")).isTrue();
        assertThat(Importer.isStatement("create,host=a value=1")).isFalse();
    }

    @Test
    void pacesToPointsPerSecond() throws Exception {
        server.databases.add("db");
        StringBuilder f = new StringBuilder("# DML\n");
        for (int i = 0; i < 15_000; i++) {
            f.append("cpu v=1 ").append(i).append('\n');
        }
        assertThat(run(f.toString(), "db", 5_000).inserts()).isEqualTo(15_000);
        assertThat(sleeps).containsExactly(1_000_000_000L, 1_000_000_000L);
        assertThat(Importer.delayNanos(0, 0, 1_000_000, 0)).isZero();
        assertThat(Importer.delayNanos(100, 0, 50, 100_000_000L)).isEqualTo(400_000_000L);
    }

    @Test
    void retriesTransientFailuresAndFailsFastWhileTheyLast() throws Exception {
        server.databases.add("db");
        server.failNext = 2;
        assertThat(run("# DML\ncpu v=1 1\n", "db", 0).inserts()).isEqualTo(1);
        assertThat(sleeps).containsExactly(500_000_000L, 1_000_000_000L);
        assertThat(server.writes).isEqualTo(3);

        sleeps.clear();
        server.writes = 0;
        server.failNext = 100;
        StringBuilder f = new StringBuilder("# DML\n");
        for (int i = 0; i < 12_000; i++) {
            f.append("cpu v=1 ").append(i).append('\n');
        }
        Importer.Summary s = run(f.toString(), "db", 0);
        assertThat(s.failed()).isEqualTo(12_000);
        assertThat(server.writes).isEqualTo(3 + 1 + 1);
        assertThat(errLines()).contains("lines 2-5001 (5000 points, db=db rp=): 500 partial write");
        assertThat(Importer.isTransient(new WriteResponse(500, "retention policy not found: x"))).isFalse();
        assertThat(Importer.isTransient(new WriteResponse(0, "error writing batch: java.net.ConnectException"))).isTrue();
    }
}
