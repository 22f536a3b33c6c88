package io.shardline.launcher.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DrillLogTest {

    @Test
    void anEntryReadsBackWithTheNodeThatAnsweredIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("w1.log");
        DrillLog.Entry written = new DrillLog.Entry("w1", 1_000L, 10L, 500, 999, "ok", 204, 12.5, 1_765_000_000_000L,
                42L, "-", "127.0.0.1:19606");
        try (DrillLog log = new DrillLog(file)) {
            log.record(written);
        }
        assertThat(DrillLog.read(file)).containsExactly(written);
    }

    @Test
    void logsOfEarlierVersionsReadWithoutTheFieldsTheyLack(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("old.log");
        Files.writeString(file, "w1 1000 10 0 499 ok 204 3.0 1765000000000\n"
                + "w1 1000 10 500 999 unknown 0 9.5 1765000000100 0 -\n", StandardCharsets.UTF_8);
        List<DrillLog.Entry> read = DrillLog.read(file);
        assertThat(read).extracting(DrillLog.Entry::firstSeq, DrillLog.Entry::outcome, DrillLog.Entry::version,
                DrillLog.Entry::overwriteSpec, DrillLog.Entry::coordinator)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0L, "ok", 0L, "-", "-"),
                        org.assertj.core.groups.Tuple.tuple(500L, "unknown", 0L, "-", "-"));
    }
}
