package io.shardline.model.lp;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.model.FieldType;
import io.shardline.model.Point;
import io.shardline.model.Precision;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The decisions of docs/line-protocol.md and 1.x behaviours the vectors do not cover. */
class ParserDecisionsTest {

    private static final long NOW = 1_700_000_123_456_789_123L;
    private final LineProtocolParser parser = new LineProtocolParser();

    private ParseResult parse(String body) {
        return parse(body, Precision.NANOSECONDS);
    }

    private ParseResult parse(String body, Precision p) {
        return parser.parse(body.getBytes(StandardCharsets.UTF_8), p, NOW);
    }

    private Point one(String body) {
        ParseResult r = parse(body);
        assertThat(r.errors()).isEmpty();
        assertThat(r.points()).hasSize(1);
        return r.points().get(0);
    }

    private String error(String body) {
        ParseResult r = parse(body);
        assertThat(r.points()).isEmpty();
        return r.errorText();
    }

    @Test
    void unsignedFieldsAreAccepted() {
        Point p = one("m u=18446744073709551615u,z=0u 1");
        assertThat(Long.toUnsignedString(p.unsignedValue(0))).isEqualTo("18446744073709551615");
        assertThat(p.fieldType(1)).isEqualTo(FieldType.UNSIGNED);
    }

    @Test
    void duplicateFieldKeysLastWinsWithItsType() {
        Point p = one("m a=1,b=true,a=2i 1");
        assertThat(p.fieldCount()).isEqualTo(2);
        assertThat(p.fieldType(0)).isEqualTo(FieldType.INTEGER);
        assertThat(p.integerValue(0)).isEqualTo(2);
        assertThat(LineProtocolWriter.toLine(p)).isEqualTo("m a=2i,b=true 1");
    }

    @Test
    void escapedEqualsInMeasurementIsUnescapedEverywhere() {
        Point a = one("cpu\\=load,region=east value=1 1");
        Point b = one("cpu=load,region=east value=1 1");
        assertThat(a.measurement()).isEqualTo("cpu=load");
        assertThat(a.series()).isEqualTo(b.series());
        assertThat(a.series().toString()).isEqualTo("cpu=load,region=east");
        Point quoted = one("a\\\"b\\\\=c v=1 1");
        assertThat(quoted.measurement()).isEqualTo("a\"b\\=c");
        assertThat(LineProtocolWriter.toLine(quoted)).isEqualTo("a\"b\\\\=c v=1 1");
        assertThat(one(LineProtocolWriter.toLine(quoted))).isEqualTo(quoted);
    }

    @Test
    void timeFieldsAndTagsAreLeftToStorage() {
        Point p = one("m,time=x time=1,v=2 1");
        assertThat(p.series().tag("time")).isEqualTo("x");
        assertThat(p.fieldIndex("time")).isZero();
    }

    @Test
    void missingTimestampIsNowTruncatedToThePrecision() {
        assertThat(one("m v=1").timestamp()).isEqualTo(NOW);
        assertThat(parse("m v=1", Precision.SECONDS).points().get(0).timestamp()).isEqualTo(1_700_000_123_000_000_000L);
        assertThat(parse("m v=1 3", Precision.HOURS).points().get(0).timestamp()).isEqualTo(3 * 3_600_000_000_000L);
    }

    @Test
    void timeRangeAndPrecisionOverflow() {
        String range = "time outside range -9223372036854775806 - 9223372036854775806";
        assertThat(parse("m v=1 9223372036854775", Precision.MILLISECONDS).errorText()).endsWith(range);
        assertThat(error("m v=1 -9223372036854775807")).endsWith(range);
        assertThat(error("m v=1 9223372036854775807")).endsWith(range);
        assertThat(one("m v=1 -9223372036854775806").timestamp()).isEqualTo(Long.MIN_VALUE + 2);
        assertThat(parse("m v=1 -2562047", Precision.HOURS).points()).hasSize(1);
        assertThat(parse("m v=1 -2562048", Precision.HOURS).errorText()).endsWith(range);
    }

    @Test
    void maxKeyLength() {
        String longKey = "m,t=" + "x".repeat(65_532);
        assertThat(error(longKey + " v=1 1")).endsWith("max key length exceeded: 65536 > 65535");
        String key = "m,t=" + "x".repeat(65_530 - 4);
        assertThat(error(key + " ab=1 1")).endsWith("max key length exceeded: 65536 > 65535");
        assertThat(parse(key + " a=1 1").points()).hasSize(1);
    }

    @Test
    void badLinesAreReportedInOrderAndGoodLinesKept() {
        ParseResult r = parse("a v=1 1\nbad\n  \t b v=2 2\n\t c v= 3\n# comment\n\n");
        assertThat(r.points()).extracting(Point::measurement).containsExactly("a", "b");
        assertThat(r.errors()).containsExactly("unable to parse 'bad': missing fields",
                "unable to parse 'c v= 3': missing field value");
        assertThat(r.errorText()).isEqualTo(String.join("\n", r.errors()));
    }

    @Test
    void whitespaceAndCarriageReturns() {
        assertThat(error("cpu value=1 1\r\n")).isEqualTo("unable to parse 'cpu value=1 1\r': bad timestamp");
        assertThat(error("cpu\tvalue=1 5")).endsWith("invalid field format");
        assertThat(error("cpu value=1\t5")).endsWith("invalid number");
        assertThat(one("cpu \tvalue=1 \t5").timestamp()).isEqualTo(5);
        assertThat(error("cpu value=1 5\t")).endsWith("bad timestamp");
    }

    @Test
    void fieldsWithAnEmptyKeyAreSkippedLike1xFields() {
        Point p = one("cpu \t=1,b=2 1");
        assertThat(p.fieldCount()).isEqualTo(1);
        assertThat(p.fieldKey(0)).isEqualTo("b");
        assertThat(error("cpu \t=1 1")).endsWith("missing fields");
    }

    @Test
    void quirksOfQuotedStrings() {
        assertThat(one("m b=\"c\"d 1").stringValue(0)).isEqualTo("c\"");
        Point p = one("m s=\"a\\\"b\\\\c\\d\nnext,line\" 1");
        assertThat(p.stringValue(0)).isEqualTo("a\"b\\c\\d\nnext,line");
        assertThat(error("m s=\"abc 1")).endsWith("unbalanced quotes");
    }

    @Test
    void floats() {
        assertThat(error("m v=1e400 1")).endsWith("invalid float");
        assertThat(error("m v=-e5 1")).endsWith("invalid float");
        assertThat(error("m v=" + "9".repeat(400) + " 1")).endsWith("invalid float");
        assertThat(one("m v=1e-400 1").floatValue(0)).isEqualTo(0.0);
        assertThat(one("m v=-0 1").floatValue(0)).isEqualTo(-0.0);
        assertThat(one("m v=0.30000000000000004 1").floatValue(0)).isEqualTo(0.1 + 0.2);
        assertThat(one("m v=123456789012345678901234 1").floatValue(0)).isEqualTo(1.2345678901234568E23);
    }

    @Test
    void manyUnsortedTags() {
        StringBuilder b = new StringBuilder("m");
        for (int i = 999; i >= 0; i--) {
            b.append(",t").append(i).append('=').append(i);
        }
        Point p = one(b.append(" v=1 1").toString());
        assertThat(p.series().tagCount()).isEqualTo(1000);
        assertThat(p.series().tagKey(0)).isEqualTo("t0");
        assertThat(p.series().tagKey(1)).isEqualTo("t1");
        assertThat(p.series().tagKey(2)).isEqualTo("t10");
    }

    @Test
    void exportFormat() {
        Point p = one("cpu,host=a value=1000000,i=-5i,u=5u,s=\"a\\\"b\",b=true 1");
        StringBuilder out = new StringBuilder();
        LineProtocolWriter.appendExportLines(out, p);
        assertThat(out.toString()).isEqualTo("""
                cpu,host=a b=true 1
                cpu,host=a i=-5i 1
                cpu,host=a s="a\\"b" 1
                cpu,host=a u=5u 1
                cpu,host=a value=1e+06 1
                """);
        assertThat(LineProtocolWriter.toLine(p)).isEqualTo("cpu,host=a b=true,i=-5i,s=\"a\\\"b\",u=5u,value=1000000 1");
    }
}
