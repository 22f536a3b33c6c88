package io.shardline.datanode.copy;

import io.shardline.storage.SnapshotSource;

/**
 * A snapshot arriving from a source node, read in manifest order by the storage's ingest (which
 * checks every file's size and CRC-32C). The first of {@link #files()}, {@link #database()},
 * {@link #retentionPolicy()} and {@link #sourceLastModified()} waits for the manifest;
 * {@link #totalBytes()} and {@link #copiedBytes()} never wait (0 before it). {@link #cancel} makes
 * the pending and every later call fail with {@code CANCELLED}. Read by one thread; cancel, sizes
 * and close from any.
 */
public interface IncomingSnapshot extends SnapshotSource, AutoCloseable {

    String database();

    String retentionPolicy();

    /** The sum of the files' sizes. */
    long totalBytes();

    /**
     * The source shard's last-modified stamp read just before the snapshot: it grows with every change
     * to the shard, so the same stamp later means the source took no write since.
     */
    long sourceLastModified();

    /** Bytes received and checked so far. */
    long copiedBytes();

    /** Aborts the transfer; {@code reason} becomes the message of the reads' {@code CANCELLED} error. */
    void cancel(String reason);

    /** Ends the transfer (cancelling it if it is not complete). */
    @Override
    void close();
}
