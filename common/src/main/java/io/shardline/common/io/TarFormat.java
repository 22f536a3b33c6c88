package io.shardline.common.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The ustar headers of a shard archive ({@code <ts>.s<id>.tar.gz}): one 512-byte header per regular
 * file, the content padded to 512 bytes, two zero blocks at the end. Sizes of 8 GiB and more use the
 * GNU base-256 size field. Archives written by InfluxDB may also hold directories and extended
 * headers, which are returned as non-regular entries. Stateless.
 *
 * <pre>
 * header: name[100] mode[8] uid[8] gid[8] size[12] mtime[12] chksum[8] type[1] linkname[100]
 *         "ustar\0" "00" uname[32] gname[32] devmajor[8] devminor[8] prefix[155] pad[12]
 * </pre>
 */
public final class TarFormat {

    public static final int BLOCK = 512;

    /** An entry of the archive: {@code type} {@code '0'} for a regular file, {@code 'x'} for a PAX extended header. */
    public record Entry(String name, long size, char type) {

        public Entry(String name, long size) {
            this(name, size, '0');
        }

        public boolean regular() {
            return type == '0';
        }

        Entry named(String path) {
            return new Entry(path, size, type);
        }
    }

    /** The {@code path} record of a PAX extended header ({@code "<len> path=<value>\n"} records), or null. */
    static String paxPath(byte[] records) {
        for (String r : new String(records, StandardCharsets.UTF_8).split("\n")) {
            int eq = r.indexOf(" path=");
            if (eq > 0) {
                return r.substring(eq + 6);
            }
        }
        return null;
    }

    private TarFormat() {
    }

    public static byte[] header(String name, long size, long mtimeSeconds) {
        byte[] h = new byte[BLOCK];
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        if (n.length > 100) {
            throw new IllegalArgumentException("file name too long for the archive: " + name);
        }
        System.arraycopy(n, 0, h, 0, n.length);
        octal(h, 100, 8, 0644);
        octal(h, 108, 8, 0);
        octal(h, 116, 8, 0);
        if (size < 077777777777L) {
            octal(h, 124, 12, size);
        } else {
            h[124] = (byte) 0x80;
            for (int i = 0; i < 8; i++) {
                h[135 - i] = (byte) (size >>> (8 * i));
            }
        }
        octal(h, 136, 12, mtimeSeconds);
        h[156] = '0';
        System.arraycopy("ustar\u000000".getBytes(StandardCharsets.US_ASCII), 0, h, 257, 8);
        Arrays.fill(h, 148, 156, (byte) ' ');
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        octal(h, 148, 7, sum);
        return h;
    }

    /** The entry a header describes; null for an end-of-archive (zero) block. */
    public static Entry parse(byte[] h) {
        boolean zero = true;
        for (byte b : h) {
            if (b != 0) {
                zero = false;
                break;
            }
        }
        if (zero) {
            return null;
        }
        long stored = parseOctal(h, 148, 8);
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += i >= 148 && i < 156 ? ' ' : h[i] & 0xff;
        }
        if (stored != sum) {
            throw new IllegalArgumentException("bad tar header checksum");
        }
        String name = text(h, 0, 100);
        String prefix = text(h, 345, 155);
        if (!prefix.isEmpty() && new String(h, 257, 5, StandardCharsets.US_ASCII).equals("ustar")) {
            name = prefix + "/" + name; // a long path split by ustar (as Go's archive/tar writes it)
        }
        long size;
        if ((h[124] & 0x80) != 0) {
            size = 0;
            for (int i = 128; i < 136; i++) {
                size = (size << 8) | (h[i] & 0xff);
            }
        } else {
            size = parseOctal(h, 124, 12);
        }
        return new Entry(name, size, h[156] == 0 ? '0' : (char) h[156]);
    }

    private static String text(byte[] h, int at, int width) {
        int len = 0;
        while (len < width && h[at + len] != 0) {
            len++;
        }
        return new String(h, at, len, StandardCharsets.UTF_8);
    }

    public static int padding(long size) {
        return (int) ((BLOCK - size % BLOCK) % BLOCK);
    }

    private static void octal(byte[] h, int at, int width, long value) {
        String s = Long.toOctalString(value);
        int digits = width - 1;
        String padded = "0".repeat(Math.max(0, digits - s.length())) + s;
        System.arraycopy(padded.getBytes(StandardCharsets.US_ASCII), 0, h, at, digits);
        h[at + digits] = 0;
    }

    private static long parseOctal(byte[] h, int at, int width) {
        long v = 0;
        boolean digits = false;
        for (int i = at; i < at + width; i++) {
            byte b = h[i];
            if (b == 0 || b == ' ') {
                if (digits) {
                    break;
                }
                continue;
            }
            if (b < '0' || b > '7') {
                throw new IllegalArgumentException("bad octal number in tar header");
            }
            digits = true;
            v = v * 8 + (b - '0');
        }
        return v;
    }
}
