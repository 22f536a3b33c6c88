package io.shardline.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Points, series keys and field layouts: sorting, escaping, equality, validation. */
class PointTest {

    @Test
    void builderSortsTagsAndFieldsAndLastFieldWins() {
        Point p = Point.builder("cpu").tag("region", "us-west").tag("host", "a")
                .floatField("v", 1.0).integerField("a", 5).stringField("s", "x").booleanField("b", true)
                .unsignedField("u", -1L).floatField("v", 2.5).timestamp(42).build();
        assertThat(p.series().toString()).isEqualTo("cpu,host=a,region=us-west");
        assertThat(p.layout().toString()).isEqualTo("[a, b, s, u, v]");
        assertThat(p.floatValue(p.fieldIndex("v"))).isEqualTo(2.5);
        assertThat(p.integerValue(0)).isEqualTo(5);
        assertThat(p.booleanValue(1)).isTrue();
        assertThat(p.stringValue(2)).isEqualTo("x");
        assertThat(Long.toUnsignedString(p.unsignedValue(3))).isEqualTo("18446744073709551615");
        assertThat(p.fieldIndex("zzz")).isEqualTo(-1);
        assertThat(p.timestamp()).isEqualTo(42);
        assertThat(p.withTimestamp(7).timestamp()).isEqualTo(7);
        assertThatThrownBy(() -> p.integerValue(1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void equalityIsByValueAndFloatsByBits() {
        Point a = Point.builder("m").tag("t", "1").floatField("f", 0.0).timestamp(1).build();
        Point b = Point.builder("m").tags(Map.of("t", "1")).floatField("f", 0.0).timestamp(1).build();
        Point c = Point.builder("m").tag("t", "1").floatField("f", -0.0).timestamp(1).build();
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c);
        assertThat(a).isNotEqualTo(a.withTimestamp(2));
    }

    @Test
    void rejectsWhatLineProtocolCannotHold() {
        assertThatThrownBy(() -> Point.builder("m").timestamp(1).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Point.builder("").floatField("f", 1).timestamp(1).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Point.builder("m").floatField("f", Double.NaN).timestamp(1).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Point.builder("m").floatField("", 1).timestamp(1).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Point.builder("m").floatField("f", 1).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FieldLayout.ofSorted("b", "a")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void seriesKeyEscapingAndTagRules() {
        SeriesKey k = SeriesKey.of("cpu load,x=y", Map.of("ho st", "a,b=c", "empty", ""));
        assertThat(k.toString()).isEqualTo("cpu\\ load\\,x=y,ho\\ st=a\\,b\\=c");
        assertThat(k.tagCount()).isEqualTo(1);
        assertThat(k.tag("ho st")).isEqualTo("a,b=c");
        assertThat(k.tag("empty")).isNull();
        assertThat(k.toBytes()).hasSize(k.byteLength());
        byte[] dst = new byte[k.byteLength() + 2];
        k.copyBytes(dst, 1);
        assertThat(new String(dst, 1, k.byteLength(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(k.toString());
        assertThatThrownBy(() -> SeriesKey.of("m", new String[] {"a", "a"}, new String[] {"1", "2"}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tagsSortByUtf8BytesNotUtf16Units() {
        // U+FF5E sorts before U+1F600 in UTF-8 (EF.. < F0..) but after it in UTF-16 (FF5E > D83D).
        SeriesKey k = SeriesKey.of("m", Map.of("\ud83d\ude00", "1", "\uff5e", "2", "a", "3"));
        assertThat(k.tags().keySet()).containsExactly("a", "\uff5e", "\ud83d\ude00");
    }

    @Test
    void reservedTimeKeyRules() {
        Point onlyTime = Point.builder("cpu").floatField("time", 1).timestamp(1).build();
        assertThat(ReservedTimeKey.check(onlyTime)).isEqualTo(new ReservedTimeKey.Outcome(null,
                "invalid field name: input field \"time\" on measurement \"cpu\" is invalid"));
        Point withTime = Point.builder("cpu").floatField("time", 1).stringField("v", "x").timestamp(1).build();
        ReservedTimeKey.Outcome kept = ReservedTimeKey.check(withTime);
        assertThat(kept.dropReason()).isNull();
        assertThat(kept.point()).isEqualTo(Point.builder("cpu").stringField("v", "x").timestamp(1).build());
        Point tagged = Point.builder("cpu").tag("time", "x").floatField("v", 1).timestamp(1).build();
        assertThat(ReservedTimeKey.check(tagged).dropReason())
                .isEqualTo("invalid tag key: input tag \"time\" on measurement \"cpu\" is invalid");
        Point fine = Point.builder("cpu").floatField("v", 1).timestamp(1).build();
        assertThat(ReservedTimeKey.check(fine)).isEqualTo(new ReservedTimeKey.Outcome(fine, null));
    }

    @Test
    void fieldTypeNames() {
        assertThat(FieldType.fromInfluxName("unsigned")).contains(FieldType.UNSIGNED);
        assertThat(FieldType.fromInfluxName("double")).isEmpty();
        assertThat(FieldType.BOOLEAN).hasToString("boolean");
    }
}
