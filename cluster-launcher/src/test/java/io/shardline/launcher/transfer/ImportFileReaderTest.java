package io.shardline.launcher.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Line splitting of import files: line numbers, {@code \r} kept, string fields over several lines. */
class ImportFileReaderTest {

    /** The lines as {@code <number>: <text>}. */
    private static List<String> read(String text, boolean lineProtocol, int chunk) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        InputStream in = new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
        ImportFileReader r = new ImportFileReader(in);
        List<String> out = new ArrayList<>();
        for (ImportLine l; (l = r.next(lineProtocol)) != null; ) {
            out.add(l.toString());
        }
        return out;
    }

    @Test
    void splitsAtNewlinesOnlyAndReadsALastLineWithoutOne() throws IOException {
        for (int chunk : new int[] {1, 3, 1 << 16}) {
            assertThat(read("a\r\n\nb é\n# c\nd", false, chunk)).containsExactly("1: a\r", "2: ", "3: b é",
                    "4: # c", "5: d");
            assertThat(read("", false, chunk)).isEmpty();
            assertThat(read("\n", false, chunk)).containsExactly("1: ");
        }
    }

    @Test
    void keepsStringFieldsAndEscapedNewlinesInOneLineOfLineProtocol() throws IOException {
        String text = "m s=\"a\n# not a comment\n\nb\" 1\nm,t=\"x v=1 2\nm s=\"q\\\"\n\" 3\nm v=1\\\n 4\n# c \"\nlast";
        for (int chunk : new int[] {1, 2, 7, 1 << 16}) {
            assertThat(read(text, true, chunk)).containsExactly(
                    "1: m s=\"a\n# not a comment\n\nb\" 1",
                    "5: m,t=\"x v=1 2",
                    "6: m s=\"q\\\"\n\" 3",
                    "8: m v=1\\\n 4",
                    "10: # c \"",
                    "11: last");
        }
        assertThat(read("m s=\"never closed\nx\n", true, 4)).containsExactly("1: m s=\"never closed\nx\n");
    }
}
