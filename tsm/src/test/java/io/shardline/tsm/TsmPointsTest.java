package io.shardline.tsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.model.FieldType;
import io.shardline.model.Point;
import io.shardline.tsm.block.BlockValues;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TsmPointsTest {

    @TempDir
    Path dir;

    /** Points of every type with escaped names go to TSM and come back as the same single-field points. */
    @Test
    void pointsRoundTripThroughFiles() {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            points.add(Point.builder("we ather,x=\"y\"").tag("lo c,a=l", "v a=l,ue").tag("é", "東京")
                    .floatField("f l=o,a\"t", i == 0 ? -0.0 : i / 3.0).integerField("i", Long.MIN_VALUE + i)
                    .unsignedField("u", -1L - i).booleanField("b", i % 3 == 0).stringField("s", i % 2 == 0 ? "" : "ü\"\\" + i)
                    .timestamp(1_000_000_000L * i - 5).build());
        }
        TreeMap<byte[], BlockValues> byKey = new TreeMap<>(TsmKey.ORDER);
        for (Point p : points) {
            for (int f = 0; f < p.fieldCount(); f++) {
                BlockValues v = byKey.computeIfAbsent(TsmPoints.keyOf(p, f).toBytes(), k -> new BlockValues(16));
                if (v.size() == 0) {
                    v.reset(p.fieldType(f));
                }
                TsmPoints.append(p, f, v);
            }
        }
        List<Path> files;
        try (TsmShardWriter w = new TsmShardWriter(dir, 1)) {
            byKey.forEach(w::write);
            files = w.finish();
        }
        Set<Point> back = new HashSet<>();
        try (TsmShardReader r = TsmShardReader.open(files)) {
            while (r.next()) {
                List<Point> out = new ArrayList<>();
                TsmPoints.toPoints(r.key(), r.values(), out);
                back.addAll(out);
            }
        }
        Set<Point> expected = new HashSet<>();
        for (Point p : points) {
            for (int f = 0; f < p.fieldCount(); f++) {
                expected.add(single(p, f));
            }
        }
        Set<Point> missing = new HashSet<>(expected);
        missing.removeAll(back);
        Set<Point> extra = new HashSet<>(back);
        extra.removeAll(expected);
        assertThat(missing).as("points lost (extra: %s)", extra.stream().limit(3).toList()).isEmpty();
        assertThat(back).hasSize(points.size() * 5);
    }

    private static Point single(Point p, int f) {
        var b = Point.builder(p.measurement()).tags(p.series().tags()).timestamp(p.timestamp());
        String k = p.fieldKey(f);
        return switch (p.fieldType(f)) {
            case FLOAT -> b.floatField(k, p.floatValue(f)).build();
            case INTEGER -> b.integerField(k, p.integerValue(f)).build();
            case UNSIGNED -> b.unsignedField(k, p.unsignedValue(f)).build();
            case BOOLEAN -> b.booleanField(k, p.booleanValue(f)).build();
            case STRING -> b.stringField(k, p.stringValue(f)).build();
        };
    }

    @Test
    void infiniteFloatsAreReported() {
        BlockValues v = new BlockValues(2);
        v.reset(FieldType.FLOAT);
        v.add(7, Double.doubleToRawLongBits(Double.POSITIVE_INFINITY));
        TsmKey key = TsmKey.parse("m#!~#f".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThatThrownBy(() -> TsmPoints.toPoints(key, v, new ArrayList<>()))
                .hasMessageContaining("m#!~#f at time 7").hasMessageContaining("Infinity");
        assertThatThrownBy(() -> TsmPoints.append(Point.builder("m").integerField("f", 1).timestamp(1).build(), 0, v))
                .hasMessageContaining("is integer, not float");
    }
}
