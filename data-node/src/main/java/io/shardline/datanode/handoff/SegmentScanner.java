package io.shardline.datanode.handoff;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Reads and validates frames of a segment file ({@link SegmentFormat}). Stateless. */
final class SegmentScanner {

    private SegmentScanner() {
    }

    /** The length of the longest prefix of the file made of whole, valid frames. */
    static long validLength(Path segment) throws IOException {
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.READ)) {
            long size = ch.size();
            long pos = 0;
            while (pos < size) {
                QueuedEntry e = read(ch, new QueuePosition(0, pos), size);
                if (e == null) {
                    break;
                }
                pos = e.next().offset();
            }
            return pos;
        }
    }

    /** The frame at {@code pos} of the open segment {@code ch}, or null when it is incomplete or corrupt. */
    static QueuedEntry read(FileChannel ch, QueuePosition pos, long size) throws IOException {
        long offset = pos.offset();
        if (size - offset < SegmentFormat.HEADER_BYTES + SegmentFormat.TIME_BYTES) {
            return null;
        }
        ByteBuffer header = ByteBuffer.allocate(SegmentFormat.HEADER_BYTES + SegmentFormat.TIME_BYTES);
        readFully(ch, header, offset);
        int len = header.getInt(0);
        int crc = header.getInt(4);
        long enqueuedAt = header.getLong(8);
        if (!SegmentFormat.plausibleLength(len) || offset + SegmentFormat.HEADER_BYTES + len > size) {
            return null;
        }
        byte[] payload = new byte[len - SegmentFormat.TIME_BYTES];
        readFully(ch, ByteBuffer.wrap(payload), offset + SegmentFormat.HEADER_BYTES + SegmentFormat.TIME_BYTES);
        if (SegmentFormat.crc(enqueuedAt, payload, 0, payload.length) != crc) {
            return null;
        }
        int frameBytes = SegmentFormat.HEADER_BYTES + len;
        return new QueuedEntry(payload, enqueuedAt, frameBytes, new QueuePosition(pos.segment(), offset + frameBytes));
    }

    private static void readFully(FileChannel ch, ByteBuffer dst, long position) throws IOException {
        long p = position;
        while (dst.hasRemaining()) {
            int n = ch.read(dst, p);
            if (n < 0) {
                throw new IOException("unexpected end of segment");
            }
            p += n;
        }
    }
}
