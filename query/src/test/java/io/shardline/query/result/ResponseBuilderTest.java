package io.shardline.query.result;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.query.value.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ResponseBuilderTest {

    @Test
    void nonChunkedEqualsCuttingAndMergingThePieces() {
        long seed = System.nanoTime();
        System.out.println("ResponseBuilderTest seed " + seed);
        Random random = new Random(seed);
        for (int round = 0; round < 300; round++) {
            List<Result> results = new ArrayList<>();
            int statements = 1 + random.nextInt(3);
            for (int id = 0; id < statements; id++) {
                results.add(result(random, id));
            }
            int limit = random.nextInt(4) == 0 ? 1 + random.nextInt(30_000) : 0;
            assertThat(ResponseBuilder.nonChunked(results, limit))
                    .as("seed %d round %d limit %d", seed, round, limit)
                    .isEqualTo(ResponseBuilder.merged(results, limit));
        }
    }

    @Test
    void manyShortSeriesComeBackAsTheyAre() {
        List<Series> series = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            series.add(Series.of("cpu", Map.of("host", "h" + i), List.of("time", "last"),
                    List.of(List.of(new Timestamp(0), (double) i))));
        }
        Result r = new Result(0, series, List.of(Message.readOnlyWarning("x")), null, false);
        List<Result> out = ResponseBuilder.nonChunked(List.of(r), 0);
        assertThat(out).containsExactly(r);
        assertThat(out).isEqualTo(ResponseBuilder.merged(List.of(r), 0));
    }

    @Test
    void aSeriesLongerThanAPieceKeepsThePartialFlagOfItsFirstPiece() {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < Chunker.DEFAULT_CHUNK_SIZE + 5; i++) {
            rows.add(List.of(new Timestamp(i), (long) i));
        }
        Result r = Result.of(0, List.of(Series.of("m", null, List.of("time", "v"), rows)));
        List<Result> out = ResponseBuilder.nonChunked(List.of(r), 0);
        assertThat(out).hasSize(1);
        assertThat(out.get(0).series()).hasSize(1);
        assertThat(out.get(0).series().get(0).values()).hasSize(Chunker.DEFAULT_CHUNK_SIZE + 5);
        assertThat(out.get(0).series().get(0).partial()).isTrue(); // as 1.x's emitter
    }

    private static Result result(Random random, int id) {
        switch (random.nextInt(6)) {
            case 0 -> {
                return Result.error(id, "boom");
            }
            case 1 -> {
                return Result.of(id, List.of());
            }
            default -> {
                List<Series> series = new ArrayList<>();
                int n = random.nextInt(6);
                for (int s = 0; s < n; s++) {
                    int rows = random.nextInt(10) == 0 ? Chunker.DEFAULT_CHUNK_SIZE - 2 + random.nextInt(5)
                            : random.nextInt(20);
                    List<List<Object>> values = new ArrayList<>();
                    for (int i = 0; i < rows; i++) {
                        values.add(List.of(new Timestamp(i), (long) i));
                    }
                    series.add(Series.of("m" + s, Map.of("k", "v" + random.nextInt(3)), List.of("time", "v"), values));
                }
                List<Message> messages = random.nextBoolean() ? List.of() : List.of(Message.readOnlyWarning("q"));
                return new Result(id, series, messages, null, random.nextInt(5) == 0);
            }
        }
    }
}
