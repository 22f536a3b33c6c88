package io.shardline.ctl.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.ctl.ParsedTable;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GoTabWriterTest {

    /** Vectors of Go's own text/tabwriter test (flags 0), with their minwidth, tabwidth, padding, padchar. */
    static Stream<Arguments> goVectors() {
        return Stream.of(
                Arguments.of("1a", 8, 0, 1, '.', "", ""),
                Arguments.of("2", 8, 0, 1, '.', "\n\n\n", "\n\n\n"),
                Arguments.of("3", 8, 0, 1, '.', "a\nb\nc", "a\nb\nc"),
                Arguments.of("4a", 8, 0, 1, '.', "\t", ""),
                Arguments.of("5", 8, 0, 1, '.', "*\t*", "*.......*"),
                Arguments.of("5b", 8, 0, 1, '.', "*\t*\n", "*.......*\n"),
                Arguments.of("5c", 8, 0, 1, '.', "*\t*\t", "*.......*"),
                Arguments.of("6", 8, 0, 1, '.', "\t\n", "........\n"),
                Arguments.of("7a", 8, 0, 1, '.', "a) foo", "a) foo"),
                Arguments.of("7b", 8, 0, 1, ' ', "b) foo\tbar", "b) foo  bar"),
                Arguments.of("7c", 8, 0, 1, '.', "c) foo\tbar\t", "c) foo..bar"),
                Arguments.of("7d", 8, 0, 1, '.', "d) foo\tbar\n", "d) foo..bar\n"),
                Arguments.of("7e", 8, 0, 1, '.', "e) foo\tbar\t\n", "e) foo..bar.....\n"),
                Arguments.of("8", 8, 0, 1, '*', "Hello, world!\n", "Hello, world!\n"),
                Arguments.of("9a", 1, 0, 0, '.', "1\t2\t3\t4\n11\t222\t3333\t44444\n",
                        "1.2..3...4\n11222333344444\n"),
                Arguments.of("10a", 5, 0, 0, '.', "1\t2\t3\t4\n", "1....2....3....4\n"),
                Arguments.of("10b", 5, 0, 0, '.', "1\t2\t3\t4\t\n", "1....2....3....4....\n"),
                Arguments.of("11", 8, 0, 1, '.', "本\tb\tc\naa\t本本本\tcccc\tddddd\naaa\tbbbb\n",
                        "本.......b.......c\naa......本本本.....cccc....ddddd\naaa.....bbbb\n"),
                Arguments.of("12b", 2, 0, 0, ' ', "a\tb\tc\naa\tbbb\tcccc\naaa\tbbbb\n",
                        "a  b  c\naa bbbcccc\naaabbbb\n"),
                Arguments.of("12c", 8, 0, 1, '_', "a\tb\tc\naa\tbbb\tcccc\naaa\tbbbb\n",
                        "a_______b_______c\naa______bbb_____cccc\naaa_____bbbb\n"),
                Arguments.of("13a", 4, 0, 1, '-',
                        "4444\t日本語\t22\t1\t333\n999999999\t22\n7\t22\n\t\t\t88888888\n\n"
                                + "666666\t666666\t666666\t4444\n1\t1\t999999999\t0000000000\n",
                        "4444------日本語-22--1---333\n999999999-22\n7---------22\n------------------88888888\n\n"
                                + "666666-666666-666666----4444\n1------1------999999999-0000000000\n"),
                Arguments.of("13b", 4, 0, 3, '.',
                        "4444\t333\t22\t1\t333\n999999999\t22\n7\t22\n\t\t\t88888888\n\n"
                                + "666666\t666666\t666666\t4444\n1\t1\t999999999\t0000000000\n",
                        "4444........333...22...1...333\n999999999...22\n7...........22\n....................88888888\n\n"
                                + "666666...666666...666666......4444\n1........1........999999999...0000000000\n"),
                Arguments.of("15a", 4, 0, 0, '.', "a\t\tb", "a.......b"),
                Arguments.of("16a", 100, 100, 0, '\t', "a\tb\t\td\na\tb\t\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n",
                        "a\tb\t\td\na\tb\t\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n"),
                Arguments.of("Go doc example", 0, 8, 0, '\t', "a\tb\tc\td\t.\n123\t12345\t1234567\t123456789\t.\n",
                        "a\tb\tc\td\t\t.\n123\t12345\t1234567\t123456789\t.\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goVectors")
    void matchesGoTabwriter(String name, int minWidth, int tabWidth, int padding, char padChar, String src,
                            String expected) {
        assertThat(new GoTabWriter(minWidth, tabWidth, padding, padChar).format(src)).isEqualTo(expected);
    }

    @Test
    void reproducesTheReferenceCopyShardStatusTable() {
        String table = GoTabWriter.STANDARD.table(List.of(
                List.of("Source", "Dest", "Database", "Policy", "ShardID", "TotalSize", "CurrentSize", "StartedAt"),
                List.of("cluster-data-node-02:8088", "cluster-data-node-03:8088", "telegraf", "autogen", "34",
                        "119624324", "119624324", GoTimes.goStringUtc(1_687_477_509_470_696_179L))));
        assertThat(table).isEqualTo(""
                + "Source                     Dest                       Database  Policy   ShardID  TotalSize  CurrentSize  StartedAt\n"
                + "cluster-data-node-02:8088  cluster-data-node-03:8088  telegraf  autogen  34       119624324  119624324    2023-06-22 23:45:09.470696179 +0000 UTC\n");
        ParsedTable parsed = ParsedTable.parseBlock(List.of(table.split("\n")));
        assertThat(parsed.header()).containsExactly("Source", "Dest", "Database", "Policy", "ShardID", "TotalSize",
                "CurrentSize", "StartedAt");
        assertThat(parsed.column("StartedAt")).containsExactly("2023-06-22 23:45:09.470696179 +0000 UTC");
    }

    @Test
    void reproducesTheReferenceEntropyTable() {
        long day = 86_400_000_000_000L;
        long start = 1_507_507_200_000_000_000L; // 2017-10-09T00:00:00Z
        String out = Sections.section("Entropy", GoTabWriter.STANDARD.table(List.of(
                List.of("ID", "Database", "Retention Policy", "Start", "End", "Expires", "Status"),
                List.of("21179", "statsdb", "1hour", GoTimes.goStringUtc(start), GoTimes.goStringUtc(start + 7 * day),
                        GoTimes.goStringUtc(start + 378 * day), "diff"))));
        assertThat(out).isEqualTo(""
                + "Entropy\n"
                + "==========\n"
                + "ID     Database  Retention Policy  Start                          End                            Expires                        Status\n"
                + "21179  statsdb   1hour             2017-10-09 00:00:00 +0000 UTC  2017-10-16 00:00:00 +0000 UTC  2018-10-22 00:00:00 +0000 UTC  diff\n");
    }

    @Test
    void lastCellIsNeverPaddedAndEmptyCellsAre() {
        assertThat(GoTabWriter.STANDARD.table(List.of(List.of("A", "B", "C"), List.of("x", "", "z"))))
                .isEqualTo("A  B  C\nx     z\n");
    }

    @Test
    void aLineWithoutTabsStartsNewColumnBlocks() {
        assertThat(GoTabWriter.STANDARD.format("long-cell\tx\ntitle\na\tb\n"))
                .isEqualTo("long-cell  x\ntitle\na  b\n");
    }
}
