package io.shardline.datanode.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code SELECT ... INTO} on three nodes with RF 2, every answer compared with InfluxDB 1.6.7's bytes for the same
 * data and statements: the {@code written} result, tags kept by {@code GROUP BY} (others become fields),
 * {@code :MEASUREMENT} with a regex source into another retention policy, the query's {@code rp} as the target's
 * default, and the errors for a missing database or policy.
 */
class SelectIntoTest {

    private static final long T0 = 1_257_894_000_000_000_000L;
    private static final long MINUTE = 60_000_000_000L;
    private InMemoryQueryCluster cluster;

    @BeforeEach
    void load() {
        cluster = new InMemoryQueryCluster(3, 2, 11);
        cluster.createDatabase("t");
        cluster.createRetentionPolicy("t", "rp2");
        cluster.write("t", "cpu,host=a,region=x value=1,s=\"str\",b=true,i=5i " + T0 + "\n"
                + "cpu,host=b,region=y value=3,i=7i " + T0 + "\n"
                + "cpu,host=a,region=x value=2 " + (T0 + MINUTE) + "\n"
                + "mem,host=a used=10 " + T0 + "\n");
    }

    @AfterEach
    void close() {
        cluster.close();
    }

    private String q(long node, String query) {
        return cluster.query(node, "t", query);
    }

    private static String written(int n) {
        return "{\"results\":[{\"statement_id\":0,\"series\":[{\"name\":\"result\",\"columns\":[\"time\",\"written\"],"
                + "\"values\":[[\"1970-01-01T00:00:00Z\"," + n + "]]}]}]}";
    }

    @Test
    void rawRowsWithoutGroupByTurnTagsIntoFields() {
        assertThat(q(4, "SELECT * INTO cpu_copy FROM cpu")).isEqualTo(written(3));
        for (long node : cluster.nodes()) {
            assertThat(q(node, "SELECT * FROM cpu_copy")).isEqualTo("{\"results\":[{\"statement_id\":0,\"series\":[{"
                    + "\"name\":\"cpu_copy\",\"columns\":[\"time\",\"b\",\"host\",\"i\",\"region\",\"s\",\"value\"],"
                    + "\"values\":[[\"2009-11-10T23:00:00Z\",true,\"b\",7,\"y\",\"str\",3],"
                    + "[\"2009-11-10T23:01:00Z\",null,\"a\",null,\"x\",null,2]]}]}]}");
        }
        assertThat(q(5, "SELECT value,host INTO cpu3 FROM cpu")).isEqualTo(written(3));
        assertThat(q(6, "SELECT * FROM cpu3")).isEqualTo("{\"results\":[{\"statement_id\":0,\"series\":[{\"name\":"
                + "\"cpu3\",\"columns\":[\"time\",\"host\",\"value\"],\"values\":[[\"2009-11-10T23:00:00Z\",\"b\",3],"
                + "[\"2009-11-10T23:01:00Z\",\"a\",2]]}]}]}");
    }

    @Test
    void groupByStarKeepsTheTags() {
        assertThat(q(4, "SELECT * INTO cpu_copy2 FROM cpu GROUP BY *")).isEqualTo(written(3));
        assertThat(q(6, "SELECT * FROM cpu_copy2 GROUP BY *")).isEqualTo("{\"results\":[{\"statement_id\":0,"
                + "\"series\":[{\"name\":\"cpu_copy2\",\"tags\":{\"host\":\"a\",\"region\":\"x\"},\"columns\":[\"time\","
                + "\"b\",\"i\",\"s\",\"value\"],\"values\":[[\"2009-11-10T23:00:00Z\",true,5,\"str\",1],"
                + "[\"2009-11-10T23:01:00Z\",null,null,null,2]]},{\"name\":\"cpu_copy2\",\"tags\":{\"host\":\"b\","
                + "\"region\":\"y\"},\"columns\":[\"time\",\"b\",\"i\",\"s\",\"value\"],\"values\":[["
                + "\"2009-11-10T23:00:00Z\",null,7,null,3]]}]}]}");
    }

    @Test
    void downsamplesIntoAnotherPolicyPerMeasurement() {
        String range = " WHERE time >= " + T0 + " AND time < " + (T0 + 2 * MINUTE);
        assertThat(q(5, "SELECT max(value) INTO rp2.mx FROM cpu" + range + " GROUP BY time(1m), host"))
                .isEqualTo(written(3));
        assertThat(q(4, "SELECT * FROM rp2.mx GROUP BY *")).isEqualTo("{\"results\":[{\"statement_id\":0,\"series\":"
                + "[{\"name\":\"mx\",\"tags\":{\"host\":\"a\"},\"columns\":[\"time\",\"max\"],\"values\":[["
                + "\"2009-11-10T23:00:00Z\",1],[\"2009-11-10T23:01:00Z\",2]]},{\"name\":\"mx\",\"tags\":{\"host\":"
                + "\"b\"},\"columns\":[\"time\",\"max\"],\"values\":[[\"2009-11-10T23:00:00Z\",3]]}]}]}");
        assertThat(q(6, "SELECT mean(*) INTO t.rp2.:MEASUREMENT FROM /^(cpu|mem)$/" + range
                + " GROUP BY time(1m), *")).isEqualTo(written(4));
        assertThat(q(4, "SELECT * FROM rp2.cpu GROUP BY *")).isEqualTo("{\"results\":[{\"statement_id\":0,\"series\":"
                + "[{\"name\":\"cpu\",\"tags\":{\"host\":\"a\",\"region\":\"x\"},\"columns\":[\"time\",\"mean_i\","
                + "\"mean_value\"],\"values\":[[\"2009-11-10T23:00:00Z\",5,1],[\"2009-11-10T23:01:00Z\",null,2]]},"
                + "{\"name\":\"cpu\",\"tags\":{\"host\":\"b\",\"region\":\"y\"},\"columns\":[\"time\",\"mean_i\","
                + "\"mean_value\"],\"values\":[[\"2009-11-10T23:00:00Z\",7,3]]}]}]}");
        assertThat(q(5, "SELECT * FROM rp2.mem GROUP BY *")).isEqualTo("{\"results\":[{\"statement_id\":0,\"series\":"
                + "[{\"name\":\"mem\",\"tags\":{\"host\":\"a\"},\"columns\":[\"time\",\"mean_used\"],\"values\":[["
                + "\"2009-11-10T23:00:00Z\",10]]}]}]}");
    }

    @Test
    void aggregatesWithoutTimeBucketsAreWrittenAtTheStartOfTime() {
        assertThat(q(4, "SELECT count(value) INTO g3 FROM cpu")).isEqualTo(written(1));
        assertThat(q(5, "SELECT * FROM g3")).isEqualTo("{\"results\":[{\"statement_id\":0,\"series\":[{\"name\":"
                + "\"g3\",\"columns\":[\"time\",\"count\"],\"values\":[[\"1970-01-01T00:00:00Z\",3]]}]}]}");
    }

    @Test
    void theQueryRetentionPolicyIsTheTargetDefault() {
        // rp=rp2 reads rp2.cpu (empty) too, as in 1.x.
        assertThat(cluster.query(4, "t", "rp2", "SELECT value INTO g5 FROM cpu", 0)).isEqualTo(written(0));
    }

    @Test
    void errorsAreOneXs() {
        assertThat(q(4, "SELECT mean(value) INTO nodb.autogen.x FROM cpu"))
                .isEqualTo("{\"results\":[{\"statement_id\":0,\"error\":\"database not found: nodb\"}]}");
        assertThat(q(4, "SELECT mean(value) INTO t.norp.x FROM cpu"))
                .isEqualTo("{\"results\":[{\"statement_id\":0,\"error\":\"retention policy not found: norp\"}]}");
        assertThat(q(4, "SELECT value INTO norp.x FROM nothere")).isEqualTo(written(0));
        assertThat(cluster.query(4, "", "SELECT value INTO x FROM cpu"))
                .isEqualTo("{\"results\":[{\"statement_id\":0,\"error\":\"database name required\"}]}");
    }
}
