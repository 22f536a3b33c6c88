package io.shardline.common.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Gzip bodies: inflated within the limit, errors with Go's texts (as InfluxDB 1.6.7 answers them). */
class GzipBodyTest {

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private static String inflate(byte[] body, long limit) throws IOException {
        try (InputStream in = new GzipBody(new ByteArrayInputStream(body), limit, null)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void inflatesOneOrSeveralMembers() throws IOException {
        byte[] a = gzip("cpu value=1 1\n".getBytes(StandardCharsets.UTF_8));
        byte[] b = gzip("cpu value=2 2\n".getBytes(StandardCharsets.UTF_8));
        assertThat(inflate(a, 0)).isEqualTo("cpu value=1 1\n");
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        assertThat(inflate(both, 100)).isEqualTo("cpu value=1 1\ncpu value=2 2\n");
    }

    @Test
    void aBombStopsAtTheLimitWithoutInflatingTheRest() throws IOException {
        byte[] bomb = gzip(new byte[64 << 20]);
        assertThat(bomb.length).isLessThan(100_000);
        assertThatThrownBy(() -> inflate(bomb, 1 << 20)).isInstanceOf(BodyTooLargeException.class);
    }

    @Test
    void brokenBodiesFailWithGosTexts() throws IOException {
        byte[] good = gzip("cpu value=1 1\n".repeat(10).getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> inflate(new byte[0], 0)).hasMessage("EOF");
        assertThatThrownBy(() -> inflate("not gzip".getBytes(StandardCharsets.UTF_8), 0)).hasMessage("unexpected EOF");
        assertThatThrownBy(() -> inflate("definitely not gzip".getBytes(StandardCharsets.UTF_8), 0))
                .hasMessage("gzip: invalid header");
        assertThatThrownBy(() -> inflate(Arrays.copyOf(good, good.length / 2), 0)).hasMessage("unexpected EOF");
        byte[] badCrc = good.clone();
        badCrc[badCrc.length - 5] ^= (byte) 0xff;
        assertThatThrownBy(() -> inflate(badCrc, 0)).hasMessage("gzip: invalid checksum");
        byte[] corrupt = good.clone();
        corrupt[10] = (byte) 0xff;
        corrupt[11] = (byte) 0xff;
        assertThatThrownBy(() -> inflate(corrupt, 0)).hasMessageStartingWith("flate: corrupt input before offset ");
    }
}
