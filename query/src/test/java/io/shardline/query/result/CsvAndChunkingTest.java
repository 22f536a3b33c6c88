package io.shardline.query.result;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.query.value.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CSV output, chunking and the non-chunked merge with max-row-limit. */
class CsvAndChunkingTest {

    private static final long T = 1_257_894_000_000_000_000L;

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    private static Series cpu(String host, int rows) {
        List<List<Object>> values = new java.util.ArrayList<>();
        for (int i = 0; i < rows; i++) {
            values.add(row(new Timestamp(T + i), (double) i + 0.5));
        }
        return Series.of("cpu", Map.of("host", host), List.of("time", "value"), values);
    }

    @Test
    void csvHasHeaderPerStatementTagKeysAndNanosecondTimes() {
        Series weird = Series.of("m", Map.of("k x", "a,b", "z", "="), List.of("time", "s", "n"),
                List.of(row(new Timestamp(T), "he said \"hi\"", null), row(new Timestamp(T + 1), " lead", 1e21)));
        String csv = new CsvFormatter().write(List.of(Result.of(0, List.of(cpu("a", 2))), Result.of(1, List.of()),
                Result.error(2, "boom"), Result.of(3, List.of(weird))), EpochFormat.RFC3339);
        assertThat(csv).isEqualTo("name,tags,time,value\n"
                + "cpu,host=a,1257894000000000000,0.5\n"
                + "cpu,host=a,1257894000000000001,1.5\n"
                + "\n"
                + "name,tags,time,s,n\n"
                + "m,\"k\\ x=a\\,b,z=\\=\",1257894000000000000,\"he said \"\"hi\"\"\",\n"
                + "m,\"k\\ x=a\\,b,z=\\=\",1257894000000000001,\" lead\",1000000000000000000000\n");
        assertThat(new CsvFormatter().write(List.of(Result.of(0, List.of(cpu("a", 1)))), EpochFormat.fromParam("s")))
                .isEqualTo("name,tags,time,value\ncpu,host=a,1257894000,0.5\n");
        assertThat(CsvFormatter.error("database not found: x")).isEqualTo("error\ndatabase not found: x\n");
    }

    @Test
    void csvFormatterRemembersTheStatementAcrossChunks() {
        CsvFormatter f = new CsvFormatter();
        List<Result> chunks = Chunker.chunk(Result.of(0, List.of(cpu("a", 3))), 2);
        StringBuilder out = new StringBuilder();
        chunks.forEach(c -> out.append(f.write(List.of(c), EpochFormat.RFC3339)));
        assertThat(out.toString()).isEqualTo("name,tags,time,value\ncpu,host=a,1257894000000000000,0.5\n"
                + "cpu,host=a,1257894000000000001,1.5\ncpu,host=a,1257894000000000002,2.5\n");
    }

    @Test
    void chunksCarryPartialFlagsLike1x() {
        List<Result> chunks = Chunker.chunk(Result.of(0, List.of(cpu("a", 3), cpu("b", 1))), 2);
        StringBuilder out = new StringBuilder();
        chunks.forEach(c -> out.append(JsonFormatter.chunk(c, EpochFormat.fromParam("ns"), false)));
        assertThat(out.toString()).isEqualTo(
                "{\"results\":[{\"statement_id\":0,\"series\":[{\"name\":\"cpu\",\"tags\":{\"host\":\"a\"},"
                        + "\"columns\":[\"time\",\"value\"],\"values\":[[1257894000000000000,0.5],"
                        + "[1257894000000000001,1.5]],\"partial\":true}],\"partial\":true}]}\n"
                        + "{\"results\":[{\"statement_id\":0,\"series\":[{\"name\":\"cpu\",\"tags\":{\"host\":\"a\"},"
                        + "\"columns\":[\"time\",\"value\"],\"values\":[[1257894000000000002,2.5]]}],"
                        + "\"partial\":true}]}\n"
                        + "{\"results\":[{\"statement_id\":0,\"series\":[{\"name\":\"cpu\",\"tags\":{\"host\":\"b\"},"
                        + "\"columns\":[\"time\",\"value\"],\"values\":[[1257894000000000000,0.5]]}]}]}\n");
        assertThat(Chunker.chunk(Result.error(1, "x"), 2)).containsExactly(Result.error(1, "x"));
    }

    @Test
    void responseBuilderMergesChunksBackAndAppliesMaxRowLimit() {
        Result full = Result.of(0, List.of(cpu("a", 3), cpu("b", 2)));
        ResponseBuilder all = new ResponseBuilder(0);
        Chunker.chunk(full, 2).forEach(all::add);
        all.add(Result.of(1, List.of()));
        // as 1.x's handler: a series cut into pieces keeps the first piece's "partial": true
        Series a = cpu("a", 3);
        assertThat(all.results()).containsExactly(Result.of(0, List.of(a.withValues(a.values(), true), cpu("b", 2))),
                Result.of(1, List.of()));

        ResponseBuilder limited = new ResponseBuilder(4);
        boolean more = true;
        for (Result c : Chunker.chunk(full, 2)) {
            if (more) {
                more = limited.add(c);
            }
        }
        assertThat(more).isFalse();
        Result r = limited.results().get(0);
        assertThat(r.partial()).isFalse();
        assertThat(r.series()).hasSize(2);
        assertThat(r.series().get(0).values()).hasSize(3);
        assertThat(r.series().get(1).values()).hasSize(1);
        assertThat(r.series().get(1).partial()).isTrue();
    }

    @Test
    void aStatementOfManySeriesIsMergedBackInOrderAndTheResultsCanBeReadTwice() {
        List<Series> many = new java.util.ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            many.add(cpu("h" + i, 1 + i % 3));
        }
        ResponseBuilder b = new ResponseBuilder(0);
        Chunker.chunk(Result.of(0, many), 2).forEach(b::add);
        b.add(Result.error(1, "boom"));
        List<Series> expected = new java.util.ArrayList<>();
        for (Series s : many) {
            expected.add(s.values().size() > 2 ? s.withValues(s.values(), true) : s);
        }
        assertThat(b.results()).containsExactly(Result.of(0, expected), Result.error(1, "boom"));
        assertThat(b.results()).isEqualTo(b.results());
    }

    @Test
    void aNonChunkedSeriesOfMoreThanTenThousandRowsIsPartialAsIn1x() {
        for (int rows : new int[] {10_000, 10_001, 25_000}) {
            ResponseBuilder b = new ResponseBuilder(0);
            Chunker.chunk(Result.of(0, List.of(cpu("a", rows), cpu("b", 2))), Chunker.DEFAULT_CHUNK_SIZE).forEach(b::add);
            Result r = b.results().get(0);
            assertThat(r.series()).hasSize(2);
            assertThat(r.series().get(0).values()).hasSize(rows);
            assertThat(r.series().get(0).partial()).as("%d rows", rows).isEqualTo(rows > 10_000);
            assertThat(r.series().get(1).partial()).isFalse();
            assertThat(r.partial()).isFalse();
        }
    }
}
