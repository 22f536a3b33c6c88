package io.shardline.tsm.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shardline.model.FieldType;
import io.shardline.model.Point;
import io.shardline.model.SeriesKey;
import io.shardline.model.lp.LineProtocolWriter;
import io.shardline.tsm.IndexCursor;
import io.shardline.tsm.IndexEntry;
import io.shardline.tsm.TsmKey;
import io.shardline.tsm.TsmPoints;
import io.shardline.tsm.TsmReader;
import io.shardline.tsm.TsmShardReader;
import io.shardline.tsm.TsmShardWriter;
import io.shardline.tsm.block.BlockCodec;
import io.shardline.tsm.block.BlockValues;
import io.shardline.tsm.block.ByteOut;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TSM both ways against the real InfluxDB 1.6.7 (Debian's {@code influxdb}, installed by
 * .ci/run; skipped where {@code influxd} is missing). Reading: a data set that makes InfluxDB use
 * every encoding is written, deleted from and overwritten, {@code influxd backup -portable} puts
 * it into TSM files and tombstones, and what our reader returns equals the expected content; every
 * block re-encoded by our codec is byte-identical to InfluxDB's (string blocks must decode the
 * same; their Snappy bytes have matched too). Writing: our files (with unsigned fields, which
 * Debian's build cannot take as line protocol), placed in a portable backup instead of InfluxDB's
 * own shard archive, load with {@code influxd restore -portable} and every value InfluxDB then
 * answers with equals the data.
 */
class InfluxdInteropTest {

    private static final long SEED = 20261206L;
    private static Influxd influxd;
    private static Path work;

    @BeforeAll
    static void start() throws IOException {
        Assumptions.assumeTrue(Influxd.installed(), "influxd is not installed (apt-get install influxdb); skipping");
        work = Path.of("target", "influxd-interop").toAbsolutePath();
        deleteTree(work);
        influxd = Influxd.start(work.resolve("influxd"));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (influxd != null) {
            influxd.close();
        }
    }

    @Test
    void readsWhatInfluxDbWrites() throws Exception {
        influxd.query(null, "CREATE DATABASE vec WITH DURATION INF REPLICATION 1 SHARD DURATION 10000w NAME wide");
        List<Point> base = InteropData.points(SEED);
        influxd.write("vec", null, LineProtocolWriter.toBody(base));
        backup("vec", work.resolve("vec-1"));
        InteropData.Expected expected = new InteropData.Expected();
        expected.add(base);
        // Deletes and overwrites after the data is in TSM: tombstones, and a newer file that wins.
        long t0 = InteropData.T0;
        influxd.query("vec", "DELETE FROM \"del\" WHERE time >= " + (t0 + 20 * InteropData.SECOND)
                + " AND time <= " + (t0 + 40 * InteropData.SECOND));
        influxd.query("vec", "DROP SERIES FROM \"del\" WHERE \"t\" = 'gone'");
        List<Point> later = InteropData.overwrites(base);
        influxd.write("vec", null, LineProtocolWriter.toBody(later));
        expected.deleteRange(SeriesKey.of("del", Map.of("t", "keep")), t0 + 20 * InteropData.SECOND, t0 + 40 * InteropData.SECOND);
        expected.deleteRange(SeriesKey.of("del", Map.of("t", "gone")), Long.MIN_VALUE, Long.MAX_VALUE);
        expected.add(later);

        List<Path> files = extractShards(backup("vec", work.resolve("vec-2")), work.resolve("vec-2-files"));
        System.out.println("InfluxDB's shard files: " + files.stream().map(p -> p.getFileName().toString()).toList());
        assertThat(files).anyMatch(p -> p.toString().endsWith(".tsm"));
        List<Path> tsm = files.stream().filter(p -> p.toString().endsWith(".tsm")).toList();

        Map<String, TreeMap<Long, String>> read = new TreeMap<>();
        try (TsmShardReader r = TsmShardReader.open(tsm)) {
            while (r.next()) {
                BlockValues v = r.values();
                TreeMap<Long, String> values = read.computeIfAbsent(r.key().toString(), k -> new TreeMap<>());
                for (int i = 0; i < v.size(); i++) {
                    values.put(v.time(i), v.type() + " " + (v.type() == FieldType.STRING ? v.string(i) : Long.toString(v.bits(i))));
                }
            }
        }
        assertSameContent(read, expected.keys);
        assertReencodedBlocksIdentical(tsm);
    }

    @Test
    void influxDbRestoresWhatWeWrite() throws Exception {
        influxd.query(null, "CREATE DATABASE fromtsm WITH DURATION INF REPLICATION 1 SHARD DURATION 10000w NAME wide");
        influxd.write("fromtsm", null, "seed v=1 1600000000000000000".getBytes());
        Path backup = backup("fromtsm", work.resolve("fromtsm"));
        JsonNode manifest = new ObjectMapper().readTree(backup.resolve(manifestName(backup)).toFile());
        JsonNode shard = manifest.path("files").path(0);
        long shardId = shard.path("shardID").asLong();

        List<Point> points = new ArrayList<>(InteropData.points(SEED));
        points.addAll(InteropData.unsigned());
        Path ours = Files.createDirectories(work.resolve("ours"));
        List<Path> written;
        // Small files, so keys span files and the restore handles several.
        try (TsmShardWriter w = new TsmShardWriter(ours, 1, 1000, 8 * 1024)) {
            toTsm(points).forEach(w::write);
            written = w.finish();
        }
        assertThat(written).hasSizeGreaterThan(1);
        Map<String, byte[]> tar = new LinkedHashMap<>();
        for (Path f : written) {
            tar.put("fromtsm/wide/" + shardId + "/" + f.getFileName(), Files.readAllBytes(f));
        }
        Tar.write(backup.resolve(shard.path("fileName").asText()), tar);
        influxd.tool("restore", "-portable", "-host", influxd.rpcAddress(), "-db", "fromtsm", "-newdb", "restored",
                backup.toString());

        InteropData.Expected expected = new InteropData.Expected();
        expected.add(points);
        normalizeZero(expected.keys);
        // The restore returns before the shard is open and indexed: wait until every key answers.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> queryAll("restored").keySet().equals(expected.keys.keySet()));
        assertSameContent(queryAll("restored"), expected.keys);
    }

    // ---- helpers ----

    private static Path backup(String db, Path dir) throws Exception {
        deleteTree(dir);
        influxd.tool("backup", "-portable", "-host", influxd.rpcAddress(), "-database", db, dir.toString());
        return dir;
    }

    private static String manifestName(Path backup) throws IOException {
        try (Stream<Path> s = Files.list(backup)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".manifest")).findFirst().orElseThrow();
        }
    }

    /** Unpacks every shard archive of a portable backup into {@code into}; returns the files. */
    private static List<Path> extractShards(Path backup, Path into) throws IOException {
        Files.createDirectories(into);
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(backup)) {
            for (Path tgz : s.filter(p -> p.toString().endsWith(".tar.gz")).toList()) {
                for (Map.Entry<String, byte[]> e : Tar.read(tgz).entrySet()) {
                    Path f = into.resolve(Path.of(e.getKey()).getFileName().toString());
                    Files.write(f, e.getValue());
                    out.add(f);
                }
            }
        }
        return out;
    }

    /** Every block of every file, decoded and encoded again, gives InfluxDB's bytes (strings: same values). */
    private static void assertReencodedBlocksIdentical(List<Path> files) {
        BlockCodec codec = new BlockCodec();
        BlockValues v = new BlockValues(1000);
        BlockValues back = new BlockValues(1000);
        ByteOut out = new ByteOut(1 << 16);
        int blocks = 0;
        int identicalStrings = 0;
        int stringBlocks = 0;
        java.util.Set<String> encodings = new java.util.TreeSet<>();
        for (Path f : files) {
            try (TsmReader r = TsmReader.open(f)) {
                IndexCursor c = r.index();
                while (c.next()) {
                    for (IndexEntry e : c.entries()) {
                        byte[] raw = r.readRawBlock(c.key(), e);
                        codec.decode(raw, 0, raw.length, v);
                        encodings.add(encodingsOf(raw));
                        out.reset();
                        codec.encode(v, 0, v.size(), out);
                        blocks++;
                        if (v.type() == FieldType.STRING) {
                            stringBlocks++;
                            identicalStrings += java.util.Arrays.equals(out.toByteArray(), raw) ? 1 : 0;
                            codec.decode(out.array(), 0, out.size(), back);
                            for (int i = 0; i < v.size(); i++) {
                                assertThat(back.string(i)).isEqualTo(v.string(i));
                            }
                        } else {
                            assertThat(out.toByteArray()).as("block of %s at %d in %s", new String(c.key()), e.offset(), f)
                                    .isEqualTo(raw);
                        }
                    }
                }
            }
        }
        System.out.println("re-encoded " + blocks + " InfluxDB blocks; string blocks byte-identical: "
                + identicalStrings + " of " + stringBlocks);
        System.out.println("encodings seen: " + encodings);
        assertThat(String.join(",", encodings).split(",")).contains("time raw", "time packed", "time RLE",
                "integer raw", "integer packed", "integer RLE", "float gorilla", "boolean bits", "string snappy",
                "time simple8b 240 ones", "integer simple8b 240 ones", "integer simple8b 120 ones");
    }

    /** The names of a raw block's timestamp and value encodings, from their header nibbles. */
    private static String encodingsOf(byte[] raw) {
        int p = 1;
        long tsLen = 0;
        for (int shift = 0; ; shift += 7) {
            int b = raw[p++] & 0xFF;
            tsLen |= (long) (b & 0x7F) << shift;
            if (b < 0x80) {
                break;
            }
        }
        String[] packed = {"raw", "packed", "RLE"};
        int type = raw[0];
        String values = switch (type) {
            case BlockCodec.FLOAT -> "float gorilla";
            case BlockCodec.INTEGER, BlockCodec.UNSIGNED -> "integer " + packed[(raw[p + (int) tsLen] & 0xFF) >>> 4];
            case BlockCodec.BOOLEAN -> "boolean bits";
            default -> "string snappy";
        };
        int valuesAt = p + (int) tsLen;
        return "time " + packed[(raw[p] & 0xFF) >>> 4] + "," + values + runWords("time", raw, p, valuesAt)
                + (type == BlockCodec.INTEGER ? runWords("integer", raw, valuesAt, raw.length) : "");
    }

    /** Markers for simple8b words of 240 or 120 ones in a packed column {@code raw[from, to)}. */
    private static String runWords(String column, byte[] raw, int from, int to) {
        if (to - from < 9 || (raw[from] & 0xFF) >>> 4 != 1) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (int w = from + 9; w + 8 <= to; w += 8) {
            int selector = (raw[w] & 0xFF) >>> 4;
            if (selector < 2) {
                b.append(",").append(column).append(" simple8b ").append(selector == 0 ? 240 : 120).append(" ones");
            }
        }
        return b.toString();
    }

    static TreeMap<byte[], BlockValues> toTsm(List<Point> points) {
        TreeMap<byte[], TreeMap<Long, Object[]>> byKey = new TreeMap<>(TsmKey.ORDER);
        for (Point p : points) {
            for (int i = 0; i < p.fieldCount(); i++) {
                byKey.computeIfAbsent(TsmPoints.keyOf(p, i).toBytes(), k -> new TreeMap<>()).put(p.timestamp(), new Object[] {p, i});
            }
        }
        TreeMap<byte[], BlockValues> out = new TreeMap<>(TsmKey.ORDER);
        byKey.forEach((k, values) -> {
            BlockValues v = new BlockValues(values.size());
            Point first = (Point) values.firstEntry().getValue()[0];
            v.reset(first.fieldType((Integer) values.firstEntry().getValue()[1]));
            values.values().forEach(pf -> TsmPoints.append((Point) pf[0], (Integer) pf[1], v));
            out.put(k, v);
        });
        return out;
    }

    /** Everything in {@code db} as TSM key text to time to value text, by field types from SHOW FIELD KEYS. */
    private static Map<String, TreeMap<Long, String>> queryAll(String db) throws Exception {
        Map<String, FieldType> types = new HashMap<>();
        for (JsonNode s : influxd.query(db, "SHOW FIELD KEYS").path("results").path(0).path("series")) {
            for (JsonNode row : s.path("values")) {
                types.put(s.path("name").asText() + "\u0000" + row.path(0).asText(),
                        FieldType.fromInfluxName(row.path(1).asText()).orElseThrow());
            }
        }
        Map<String, TreeMap<Long, String>> out = new TreeMap<>();
        for (JsonNode s : influxd.query(db, "SELECT * FROM /.*/ GROUP BY *").path("results").path(0).path("series")) {
            String name = s.path("name").asText();
            Map<String, String> tags = new HashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = s.path("tags").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> t = it.next();
                tags.put(t.getKey(), t.getValue().asText());
            }
            String series = SeriesKey.of(name, tags).toString();
            JsonNode columns = s.path("columns");
            for (JsonNode row : s.path("values")) {
                for (int c = 1; c < columns.size(); c++) {
                    JsonNode v = row.path(c);
                    if (v.isNull()) {
                        continue;
                    }
                    FieldType type = types.get(name + "\u0000" + columns.path(c).asText());
                    out.computeIfAbsent(series + "#!~#" + columns.path(c).asText(), k -> new TreeMap<>())
                            .put(row.path(0).asLong(), type + " " + text(type, v));
                }
            }
        }
        return out;
    }

    private static String text(FieldType type, JsonNode v) {
        return switch (type) {
            case FLOAT -> Long.toString(Double.doubleToRawLongBits(v.asDouble() + 0.0));
            case INTEGER -> Long.toString(v.asLong());
            case UNSIGNED -> Long.toString(v.bigIntegerValue().longValue());
            case BOOLEAN -> v.asBoolean() ? "1" : "0";
            case STRING -> v.asText();
        };
    }

    // JSON cannot tell -0 from 0: compare floats with the zero's sign dropped.
    private static Map<String, TreeMap<Long, String>> normalizeZero(Map<String, TreeMap<Long, String>> m) {
        String negZero = "float " + Double.doubleToRawLongBits(-0.0);
        m.values().forEach(v -> v.replaceAll((t, s) -> s.equals(negZero) ? "float 0" : s));
        return m;
    }

    private static void assertSameContent(Map<String, TreeMap<Long, String>> actual, Map<String, TreeMap<Long, String>> expected) {
        assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (String k : expected.keySet()) {
            assertThat(actual.get(k)).as("values of %s", k).isEqualTo(expected.get(k));
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
