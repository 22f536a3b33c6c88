package io.shardline.common.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A gzip request body ({@code Content-Encoding: gzip}) inflated as it is read, never more than
 * {@code limit} bytes of output: past it reading throws {@link BodyTooLargeException}, so a gzip
 * bomb costs one small buffer, not the heap. What it inflates counts in the server's body budget. Errors carry the texts of Go's {@code compress/gzip},
 * which InfluxDB answers with: {@code EOF}, {@code unexpected EOF}, {@code gzip: invalid header},
 * {@code gzip: invalid checksum}, {@code flate: corrupt input before offset N}. Concatenated
 * members are read one after another, as Go does. One reader thread.
 */
final class GzipBody extends InputStream {

    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;

    static final String OVERLOADED = "server overloaded: too much request data in progress";

    private final InputStream in;
    private final long limit;
    private final Exchange account;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private final byte[] input = new byte[16 * 1024];
    private int pos;
    private int end;
    /** Bytes of compressed input taken from the body so far. */
    private long offset;
    private long produced;
    private boolean inMember;
    private boolean done;

    /**
     * @param limit most bytes of decompressed output (0 = no limit)
     * @param account the request the output is reserved for in the server's body budget (null: none)
     */
    GzipBody(InputStream in, long limit, Exchange account) {
        this.in = in;
        this.limit = limit;
        this.account = account;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!done) {
            if (!inMember) {
                if (!readHeader()) {
                    done = true;
                    return -1;
                }
                inMember = true;
            }
            if (inflater.finished()) {
                readTrailer();
                inMember = false;
                continue;
            }
            int n = inflate(b, off, len);
            if (n > 0) {
                produced += n;
                if (limit > 0 && produced > limit) {
                    throw new BodyTooLargeException(limit);
                }
                if (account != null && !account.reserve(n)) {
                    account.shed("request-memory", OVERLOADED);
                    throw new IOException(OVERLOADED);
                }
                crc.update(b, off, n);
                return n;
            }
        }
        return -1;
    }

    private int inflate(byte[] b, int off, int len) throws IOException {
        while (true) {
            if (inflater.needsInput()) {
                if (pos == end && !fill()) {
                    throw new EOFException("unexpected EOF");
                }
                inflater.setInput(input, pos, end - pos);
                pos = end;
            }
            int n;
            try {
                n = inflater.inflate(b, off, len);
            } catch (DataFormatException e) {
                throw new IOException("flate: corrupt input before offset " + (offset - inflater.getRemaining()));
            }
            if (inflater.finished()) {
                pos = end - inflater.getRemaining(); // the trailer and any next member follow
                return n;
            }
            if (n > 0) {
                return n;
            }
            if (inflater.needsDictionary()) {
                throw new IOException("flate: corrupt input before offset " + offset);
            }
        }
    }

    /** Reads a member header; false at a clean end of input after a member. */
    private boolean readHeader() throws IOException {
        int first = nextByte();
        if (first < 0) {
            if (offset == 0) {
                throw new EOFException("EOF");
            }
            return false;
        }
        int[] h = new int[10];
        h[0] = first;
        for (int i = 1; i < 10; i++) {
            h[i] = mustByte();
        }
        if (h[0] != 0x1f || h[1] != 0x8b || h[2] != 8) {
            throw new IOException("gzip: invalid header");
        }
        int flags = h[3];
        if ((flags & FEXTRA) != 0) {
            int n = mustByte() | mustByte() << 8;
            for (int i = 0; i < n; i++) {
                mustByte();
            }
        }
        if ((flags & FNAME) != 0) {
            skipZeroTerminated();
        }
        if ((flags & FCOMMENT) != 0) {
            skipZeroTerminated();
        }
        if ((flags & FHCRC) != 0) {
            mustByte();
            mustByte();
        }
        inflater.reset();
        crc.reset();
        return true;
    }

    private void skipZeroTerminated() throws IOException {
        int b;
        do {
            b = mustByte();
        } while (b != 0);
    }

    private void readTrailer() throws IOException {
        long expectCrc = 0;
        long expectSize = 0;
        for (int i = 0; i < 4; i++) {
            expectCrc |= (long) mustByte() << (8 * i);
        }
        for (int i = 0; i < 4; i++) {
            expectSize |= (long) mustByte() << (8 * i);
        }
        if (expectCrc != crc.getValue() || expectSize != (inflater.getBytesWritten() & 0xffffffffL)) {
            throw new IOException("gzip: invalid checksum");
        }
    }

    /** Refills the input buffer; false at the end of the body. */
    private boolean fill() throws IOException {
        int r = in.read(input);
        if (r < 0) {
            return false;
        }
        pos = 0;
        end = r;
        offset += r;
        return true;
    }

    /** The next input byte outside deflate data, or -1 at the end of the body. */
    private int nextByte() throws IOException {
        if (pos == end && !fill()) {
            return -1;
        }
        return input[pos++] & 0xff;
    }

    private int mustByte() throws IOException {
        int b = nextByte();
        if (b < 0) {
            throw new EOFException("unexpected EOF");
        }
        return b;
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        in.close();
    }
}
