package io.shardline.datanode.handoff;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The on-disk form of one hinted-handoff entry. Segments are plain concatenations of frames:
 *
 * <pre>
 * +-----------+-----------+--------------------+------------------------+
 * | len  u32  | crc  u32  | enqueued-at u64 ms | payload (len - 8 B)    |
 * +-----------+-----------+--------------------+------------------------+
 *   crc = CRC-32C of (enqueued-at || payload); all integers big-endian
 * </pre>
 *
 * A frame whose length is out of range or whose checksum does not match marks a torn or corrupt
 * tail. Stateless.
 */
final class SegmentFormat {

    static final int HEADER_BYTES = 8;
    static final int TIME_BYTES = 8;
    /** Largest payload accepted; bigger writes are split by the caller. */
    static final int MAX_PAYLOAD = 64 << 20;

    private SegmentFormat() {
    }

    static ByteBuffer encode(byte[] payload, long enqueuedAtMillis) {
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("hinted-handoff entry of " + payload.length + " bytes exceeds " + MAX_PAYLOAD);
        }
        ByteBuffer frame = ByteBuffer.allocate(HEADER_BYTES + TIME_BYTES + payload.length);
        frame.putInt(TIME_BYTES + payload.length);
        frame.putInt(crc(enqueuedAtMillis, payload, 0, payload.length));
        frame.putLong(enqueuedAtMillis);
        frame.put(payload);
        return frame.flip();
    }

    static int crc(long enqueuedAtMillis, byte[] payload, int off, int len) {
        CRC32C crc = new CRC32C();
        crc.update(ByteBuffer.allocate(TIME_BYTES).putLong(0, enqueuedAtMillis));
        crc.update(payload, off, len);
        return (int) crc.getValue();
    }

    /** True if {@code len} (the frame's length field) can belong to a valid frame. */
    static boolean plausibleLength(int len) {
        return len >= TIME_BYTES && len <= TIME_BYTES + MAX_PAYLOAD;
    }
}
