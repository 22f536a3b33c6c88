package io.shardline.datanode.handoff;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A durable FIFO of hinted-handoff entries for one (destination node, shard), in a directory of
 * numbered segment files ({@link SegmentFormat}) plus a {@code head} file holding the position of
 * the first undelivered entry (replaced atomically). Appends go to the last segment, which rolls
 * over at {@code maxSegmentBytes}; segments behind the head are deleted. On open, a torn or corrupt
 * tail of the last segment is truncated and counted, never fatal. Delivery is at least once: an
 * entry may be sent again after a crash between sending and acknowledging, which is harmless
 * because writes carry their version. Thread-safe: coordinator threads append while the
 * destination's processor peeks and acknowledges; every method holds the queue's lock.
 */
public final class HandoffQueue implements AutoCloseable {

    private static final String HEAD = "head";
    private static final String SUFFIX = ".seg";

    private final Path dir;
    private final long maxSegmentBytes;
    private final TreeMap<Long, Long> segmentSizes = new TreeMap<>();
    private QueuePosition head;
    private FileChannel tail;
    private FileChannel reader;
    private long readerSegment = -1;
    private long bytes;
    private long truncatedBytes;
    private boolean closed;

    private HandoffQueue(Path dir, long maxSegmentBytes) {
        this.dir = dir;
        this.maxSegmentBytes = maxSegmentBytes;
    }

    /** Opens (or creates) the queue in {@code dir}, repairing a torn tail. */
    public static HandoffQueue open(Path dir, long maxSegmentBytes) {
        HandoffQueue q = new HandoffQueue(dir, maxSegmentBytes);
        try {
            Files.createDirectories(dir);
            q.load();
        } catch (IOException e) {
            throw ioError("cannot open hinted-handoff queue " + dir, e);
        }
        return q;
    }

    private void load() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                String name = p.getFileName().toString();
                if (name.endsWith(SUFFIX)) {
                    segmentSizes.put(Long.parseLong(name.substring(0, name.length() - SUFFIX.length())), Files.size(p));
                }
            }
        }
        if (segmentSizes.isEmpty()) {
            segmentSizes.put(1L, 0L);
            Files.createFile(segmentPath(1));
        }
        long last = segmentSizes.lastKey();
        long valid = SegmentScanner.validLength(segmentPath(last));
        if (valid < segmentSizes.get(last)) {
            truncatedBytes = segmentSizes.get(last) - valid;
            try (FileChannel ch = FileChannel.open(segmentPath(last), StandardOpenOption.WRITE)) {
                ch.truncate(valid);
                ch.force(true);
            }
            segmentSizes.put(last, valid);
        }
        head = readHead();
        tail = FileChannel.open(segmentPath(last), StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        deleteSegmentsBefore(head.segment());
        bytes = computeBytes();
    }

    private QueuePosition readHead() throws IOException {
        Path p = dir.resolve(HEAD);
        QueuePosition first = new QueuePosition(segmentSizes.firstKey(), 0);
        if (!Files.exists(p)) {
            return first;
        }
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(p));
        if (b.remaining() != 16) {
            return first;
        }
        QueuePosition stored = new QueuePosition(b.getLong(), b.getLong());
        Long size = segmentSizes.get(stored.segment());
        if (size == null) {
            // The head's segment was deleted after the head moved past it: start at the next one.
            Long next = segmentSizes.ceilingKey(stored.segment());
            return next == null ? new QueuePosition(segmentSizes.lastKey(), segmentSizes.lastEntry().getValue())
                    : new QueuePosition(next, 0);
        }
        return new QueuePosition(stored.segment(), Math.min(stored.offset(), size));
    }

    private long computeBytes() {
        long total = 0;
        for (var e : segmentSizes.tailMap(head.segment(), true).entrySet()) {
            total += e.getKey() == head.segment() ? e.getValue() - head.offset() : e.getValue();
        }
        return total;
    }

    /** The bytes an entry with a payload of {@code payloadBytes} takes on disk. */
    public static long frameBytes(int payloadBytes) {
        return SegmentFormat.HEADER_BYTES + SegmentFormat.TIME_BYTES + (long) payloadBytes;
    }

    /** Appends one entry; with {@code sync} it is on disk (fsync) when this returns. */
    public synchronized void append(byte[] payload, long enqueuedAtMillis, boolean sync) {
        checkOpen();
        ByteBuffer frame = SegmentFormat.encode(payload, enqueuedAtMillis);
        int frameBytes = frame.remaining();
        try {
            long last = segmentSizes.lastKey();
            if (segmentSizes.get(last) > 0 && segmentSizes.get(last) + frameBytes > maxSegmentBytes) {
                rollOver(last + 1);
                last = last + 1;
            }
            while (frame.hasRemaining()) {
                tail.write(frame);
            }
            if (sync) {
                tail.force(false);
            }
            segmentSizes.merge(last, (long) frameBytes, Long::sum);
            bytes += frameBytes;
        } catch (IOException e) {
            throw ioError("cannot append to hinted-handoff queue " + dir, e);
        }
    }

    private void rollOver(long next) throws IOException {
        tail.force(false);
        tail.close();
        tail = FileChannel.open(segmentPath(next), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        segmentSizes.put(next, 0L);
    }

    /**
     * Reads entries from the head, up to {@code maxBytes} of payload (always at least one entry when
     * the queue is not empty). Corrupt frames in the middle of the queue are skipped and counted.
     */
    public synchronized List<QueuedEntry> peek(long maxBytes) {
        checkOpen();
        List<QueuedEntry> out = new ArrayList<>();
        long taken = 0;
        QueuePosition pos = head;
        try {
            while (taken < maxBytes || out.isEmpty()) {
                QueuedEntry e = readAt(pos);
                if (e == null) {
                    break;
                }
                out.add(e);
                taken += e.payload().length;
                pos = e.next();
            }
        } catch (IOException e) {
            throw ioError("cannot read hinted-handoff queue " + dir, e);
        }
        return out;
    }

    private QueuedEntry readAt(QueuePosition pos) throws IOException {
        QueuePosition p = pos;
        while (true) {
            Long size = segmentSizes.get(p.segment());
            if (size == null) {
                return null;
            }
            if (p.offset() < size) {
                QueuedEntry e = SegmentScanner.read(readerFor(p.segment()), p, size);
                if (e != null) {
                    return e;
                }
                truncatedBytes += size - p.offset(); // corrupt frame mid-queue: skip the rest of the segment
            }
            Long next = segmentSizes.higherKey(p.segment());
            if (next == null) {
                return null;
            }
            p = new QueuePosition(next, 0);
        }
    }

    /** One read channel, kept open on the segment being read (usually the head's). */
    private FileChannel readerFor(long segment) throws IOException {
        if (readerSegment != segment) {
            closeReader();
            reader = FileChannel.open(segmentPath(segment), StandardOpenOption.READ);
            readerSegment = segment;
        }
        return reader;
    }

    private void closeReader() throws IOException {
        if (reader != null) {
            reader.close();
            reader = null;
            readerSegment = -1;
        }
    }

    /** Marks everything before {@code next} delivered, persists the head and deletes spent segments. */
    public synchronized void ack(QueuePosition next) {
        checkOpen();
        if (next.compareTo(head) <= 0) {
            return;
        }
        try {
            head = normalized(next);
            writeHead();
            deleteSegmentsBefore(head.segment());
            bytes = computeBytes();
        } catch (IOException e) {
            throw ioError("cannot acknowledge in hinted-handoff queue " + dir, e);
        }
    }

    /** Drops entries enqueued before {@code cutoffMillis} (the {@code max-age} purge); returns how many. */
    public synchronized int purgeOlderThan(long cutoffMillis) {
        checkOpen();
        int purged = 0;
        QueuePosition pos = head;
        try {
            QueuedEntry e;
            while ((e = readAt(pos)) != null && e.enqueuedAtMillis() < cutoffMillis) {
                pos = e.next();
                purged++;
            }
        } catch (IOException ex) {
            throw ioError("cannot purge hinted-handoff queue " + dir, ex);
        }
        if (purged > 0) {
            ack(pos);
        }
        return purged;
    }

    /** A position at the very end of a segment that has a successor is the successor's start. */
    private QueuePosition normalized(QueuePosition p) {
        Long size = segmentSizes.get(p.segment());
        Long next = segmentSizes.higherKey(p.segment());
        return size != null && next != null && p.offset() >= size ? new QueuePosition(next, 0) : p;
    }

    private void writeHead() throws IOException {
        Path tmp = dir.resolve(HEAD + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(ByteBuffer.allocate(16).putLong(head.segment()).putLong(head.offset()).flip());
            ch.force(true);
        }
        Files.move(tmp, dir.resolve(HEAD), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private void deleteSegmentsBefore(long segment) throws IOException {
        while (segmentSizes.firstKey() < segment) {
            long s = segmentSizes.pollFirstEntry().getKey();
            if (s == readerSegment) {
                closeReader();
            }
            Files.deleteIfExists(segmentPath(s));
        }
    }

    /** Undelivered bytes on disk (frames from the head to the tail). */
    public synchronized long bytes() {
        return bytes;
    }

    public synchronized boolean isEmpty() {
        return bytes == 0;
    }

    /**
     * Wall-clock millis at which the entry at the head was enqueued, or 0 when the queue is empty or
     * closed (the {@code oldestEntryAgeMs} statistic; reads one frame).
     */
    public synchronized long oldestEnqueuedMillis() {
        if (closed || bytes == 0) {
            return 0;
        }
        try {
            QueuedEntry e = readAt(head);
            return e == null ? 0 : e.enqueuedAtMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Number of segment files (the {@code queueDepth} statistic). */
    public synchronized int segmentCount() {
        return segmentSizes.size();
    }

    /** Bytes dropped because a torn tail or a corrupt frame was found. */
    public synchronized long truncatedBytes() {
        return truncatedBytes;
    }

    public Path directory() {
        return dir;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            closeReader();
            tail.force(false);
            tail.close();
        } catch (IOException e) {
            throw ioError("cannot close hinted-handoff queue " + dir, e);
        }
    }

    /** Closes the queue and deletes its directory (a removed node, or a dropped shard). */
    public synchronized void deleteAll() {
        close();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw ioError("cannot delete hinted-handoff queue " + dir, e);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new ShardlineException(ErrorCode.FAILED_PRECONDITION, "hinted-handoff queue " + dir + " is closed");
        }
    }

    private Path segmentPath(long segment) {
        return dir.resolve(String.format("%020d%s", segment, SUFFIX));
    }

    private static ShardlineException ioError(String message, IOException e) {
        return new ShardlineException(ErrorCode.IO_ERROR, message + ": " + e.getMessage(), e);
    }
}
