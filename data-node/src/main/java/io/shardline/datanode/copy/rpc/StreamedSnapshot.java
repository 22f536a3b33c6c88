package io.shardline.datanode.copy.rpc;

import io.shardline.common.io.ChunkCopy;
import io.shardline.datanode.copy.IncomingSnapshot;
import io.shardline.proto.datanode.ShardSnapshotManifest;
import io.shardline.proto.datanode.SnapshotFileMessage;
import io.shardline.storage.SnapshotFile;
import io.shardline.transfer.ChunkReceiver;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.time.Duration;
import java.util.List;

/**
 * The receiving end of {@code ReadShardSnapshot} as an {@link IncomingSnapshot}: the transfer engine's
 * {@link ChunkReceiver} (manual flow control, bytes written into the staged files as they arrive) with
 * the manifest's files as {@link SnapshotFile}s; the storage's ingest checks each file's size and
 * CRC-32C. Reads on one thread; the gRPC callbacks and {@link #cancel} on others.
 */
final class StreamedSnapshot implements IncomingSnapshot {

    private final String source;
    private final long shardId;
    private final ChunkReceiver receiver;
    private volatile List<SnapshotFile> files;

    StreamedSnapshot(String source, long shardId, Duration idleTimeout) {
        this(source, shardId, new ChunkReceiver("snapshot of shard " + shardId + " from " + source, idleTimeout,
                t -> GrpcShardSource.failure(source, "read snapshot of shard " + shardId, t)));
    }

    /** Over a receiver already attached to a call (a restore arriving at this node). */
    StreamedSnapshot(String source, long shardId, ChunkReceiver receiver) {
        this.source = source;
        this.shardId = shardId;
        this.receiver = receiver;
    }

    /** The gRPC response observer to start the call with. */
    ChunkReceiver observer() {
        return receiver;
    }

    private ShardSnapshotManifest manifest() {
        ShardSnapshotManifest m = receiver.manifest();
        if (files == null) {
            files = m.getFilesList().stream().map(StreamedSnapshot::file).toList();
        }
        return m;
    }

    private static SnapshotFile file(SnapshotFileMessage m) {
        return new SnapshotFile(m.getName(), m.getSize(), m.getCrc32C());
    }

    @Override
    public String database() {
        return manifest().getDatabase();
    }

    @Override
    public String retentionPolicy() {
        return manifest().getRetentionPolicy();
    }

    @Override
    public List<SnapshotFile> files() {
        manifest();
        return files;
    }

    @Override
    public long sourceLastModified() {
        return manifest().getLastModified();
    }

    @Override
    public long totalBytes() {
        return receiver.totalBytes();
    }

    @Override
    public long copiedBytes() {
        return receiver.copiedBytes();
    }

    @Override
    public byte[] read(String name, long offset, int maxLength) {
        return ChunkCopy.toArray(readBuffer(name, offset, maxLength));
    }

    @Override
    public ByteBuffer readBuffer(String name, long offset, int maxLength) {
        return receiver.take(indexOf(name), offset, maxLength);
    }

    @Override
    public long transferTo(SnapshotFile file, WritableByteChannel out) throws IOException {
        return receiver.transferFile(indexOf(file.name()), out);
    }

    private int indexOf(String name) {
        List<SnapshotFile> fs = files();
        for (int i = 0; i < fs.size(); i++) {
            if (fs.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("snapshot of shard " + shardId + " from " + source + " has no file " + name);
    }

    @Override
    public void cancel(String reason) {
        receiver.cancel(reason);
    }

    @Override
    public void close() {
        receiver.close();
    }

    @Override
    public String toString() {
        return "snapshot of shard " + shardId + " from " + source + (files == null ? "" : " files=" + files);
    }
}
