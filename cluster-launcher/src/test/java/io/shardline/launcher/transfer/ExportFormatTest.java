package io.shardline.launcher.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Header times, DDL quoting and its parsing back, as {@code influx_inspect export} writes them. */
class ExportFormatTest {

    @Test
    void headerTimesAreWholeSecondsInUtc() {
        assertThat(ExportFormat.header(Long.MIN_VALUE, Long.MAX_VALUE))
                .isEqualTo("# INFLUXDB EXPORT: 1677-09-21T00:12:43Z - 2262-04-11T23:47:16Z\n");
        assertThat(Rfc3339.parseNanos("2020-01-01T01:00:00.5+01:00")).isEqualTo(1_577_836_800_500_000_000L);
        assertThat(Rfc3339.format(-1)).isEqualTo("1969-12-31T23:59:59Z");
        assertThatThrownBy(() -> Rfc3339.parseNanos("2300-01-01T00:00:00Z")).hasMessageContaining("outside the range");
        assertThatThrownBy(() -> Rfc3339.parseNanos("2020-01-01")).hasMessage(
                "parsing time \"2020-01-01\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"\"");
    }

    @Test
    void ddlQuotesLikeQuoteIdentAndParsesBack() {
        String line = ExportFormat.createDatabase("my \"db\"", "select");
        assertThat(line).isEqualTo("CREATE DATABASE \"my \\\"db\\\"\" WITH NAME \"select\"\n");
        assertThat(ExportFormat.parseCreateDatabase(line)).contains(new ExportFormat.DbRp("my \"db\"", "select"));
        assertThat(ExportFormat.parseCreateDatabase("CREATE DATABASE db WITH NAME autogen"))
                .contains(new ExportFormat.DbRp("db", "autogen"));
        assertThat(ExportFormat.parseCreateDatabase("CREATE DATABASE db")).isEmpty();
        assertThat(ExportFormat.parseCreateDatabase("CREATE DATABASE db WITH NAME rp DURATION 1d")).isEmpty();
    }
}
