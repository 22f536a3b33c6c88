package io.shardline.storage.rocks;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.io.FileChecksums;
import io.shardline.storage.ShardConverter;
import io.shardline.storage.ShardId;
import io.shardline.storage.SnapshotFile;
import io.shardline.storage.SnapshotSource;
import io.shardline.storage.internal.ArchiveUnpacking;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a snapshot stream into a shard directory in two steps. {@link #stage} writes every file as it
 * arrives straight into a hidden temporary directory and checks it against its size and CRC-32C (log files go
 * to a temporary directory beside the shard's WAL directory); it takes as long as the transfer and
 * holds no lock. {@link Staged#install} then moves the directories into place atomically. On any
 * failure the temporary files are removed and no shard appears. Stateless; a {@link Staged} belongs
 * to the thread that staged it.
 */
final class SnapshotIngest {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotIngest.class);

    private static final AtomicLong NONCE = new AtomicLong();
    /** The direct buffer a received file's bytes pass through (see {@link #pull}). */
    private static final int STAGING = 1 << 20;

    private SnapshotIngest() {
    }

    /** Stages and installs at once (the caller holds whatever lock keeps {@code target} free). */
    static void ingest(ShardId id, SnapshotSource source, Path target, Path walTarget) {
        stage(id, source, target, walTarget).install();
    }

    /**
     * Pulls and verifies the snapshot into hidden directories next to {@code target} and
     * {@code walTarget}; nothing is visible as a shard until {@link Staged#install}.
     */
    static Staged stage(ShardId id, SnapshotSource source, Path target, Path walTarget) {
        if (Files.exists(target)) {
            throw new ShardlineException(ErrorCode.ALREADY_EXISTS, id + " already exists at " + target);
        }
        String name = "." + id.id() + ".ingest-" + NONCE.incrementAndGet();
        Staged staged = new Staged(id, target.getParent().resolve(name), target, walTarget.getParent().resolve(name),
                walTarget, !walTarget.toAbsolutePath().normalize().equals(target.toAbsolutePath().normalize()));
        try {
            Files.createDirectories(staged.tmp);
            for (SnapshotFile f : source.files()) {
                pull(id, source, f, staged.tmp.resolve(f.name()));
            }
            if (staged.separateWal) {
                Files.createDirectories(staged.walTmp);
                try (var files = Files.list(staged.tmp)) {
                    for (Path p : files.filter(p -> p.getFileName().toString().endsWith(".log")).toList()) {
                        Files.move(p, staged.walTmp.resolve(p.getFileName()));
                    }
                }
            }
            return staged;
        } catch (IOException e) {
            staged.discard();
            throw StorageErrors.wrap(e, id, target, "ingest snapshot");
        } catch (RuntimeException e) {
            staged.discard();
            throw e;
        }
    }

    /**
     * Pulls and verifies the snapshot's (foreign) files into a hidden directory (an archive the converter
     * {@linkplain ShardConverter#unpacks unpacks} is unpacked as it arrives, see {@link ArchiveUnpacking}), lets {@code converter}
     * load their content into a new shard opened by {@code opener} in hidden directories through its bulk
     * path ({@link RocksBulkLoad}: no log; every memtable flushed to synced table files at the end),
     * closes it and deletes the files; nothing is visible as a shard until {@link Staged#install}.
     */
    static Staged convert(ShardId id, SnapshotSource source, Path target, Path walTarget, ShardConverter converter,
                          BiFunction<Path, Path, RocksShardStore> opener) {
        if (Files.exists(target)) {
            throw new ShardlineException(ErrorCode.ALREADY_EXISTS, id + " already exists at " + target);
        }
        String name = "." + id.id() + ".ingest-" + NONCE.incrementAndGet();
        boolean separateWal = !walTarget.toAbsolutePath().normalize().equals(target.toAbsolutePath().normalize());
        Staged staged = new Staged(id, target.getParent().resolve(name), target,
                separateWal ? walTarget.getParent().resolve(name) : target.getParent().resolve(name), walTarget,
                separateWal);
        Path files = target.getParent().resolve(name + "-files");
        try {
            Files.createDirectories(files);
            long start = System.nanoTime();
            List<Path> pulled = new ArrayList<>();
            for (SnapshotFile f : source.files()) {
                Path dest = files.resolve(f.name()).normalize();
                if (!dest.getParent().equals(files)) {
                    throw ShardlineException.invalid(id + ": snapshot file name " + f.name() + " is not a plain name");
                }
                Optional<ShardConverter.Unpacker> unpacker = converter.unpacker(f.name());
                if (unpacker.isPresent()) {
                    pulled.addAll(ArchiveUnpacking.unpack(id, source, f, unpacker.get(), files));
                } else {
                    pull(id, source, f, dest);
                    pulled.add(dest);
                }
            }
            long received = System.nanoTime();
            long converted;
            try (RocksShardStore store = opener.apply(staged.tmp, staged.walTmp);
                 RocksBulkLoad loader = store.bulkLoad()) {
                converter.convert(pulled, loader);
                converted = System.nanoTime();
                loader.finish();
            }
            LOG.info("Converted shard {} (hidden until installed): received in {} ms, converted in {} ms, flushed in {} ms",
                    id, millis(received - start), millis(converted - received), millis(System.nanoTime() - converted));
            return staged;
        } catch (IOException e) {
            staged.discard();
            throw StorageErrors.wrap(e, id, target, "convert snapshot");
        } catch (RuntimeException e) {
            staged.discard();
            throw e;
        } finally {
            RocksSnapshot.deleteTree(files);
        }
    }

    /** A verified snapshot in hidden directories, waiting to be moved into place or discarded. */
    static final class Staged {

        private final ShardId id;
        private final Path tmp;
        private final Path target;
        private final Path walTmp;
        private final Path walTarget;
        private final boolean separateWal;

        private Staged(ShardId id, Path tmp, Path target, Path walTmp, Path walTarget, boolean separateWal) {
            this.id = id;
            this.tmp = tmp;
            this.target = target;
            this.walTmp = walTmp;
            this.walTarget = walTarget;
            this.separateWal = separateWal;
        }

        /** Moves the staged directories into place; fails with ALREADY_EXISTS if the shard appeared meanwhile. */
        void install() {
            try {
                if (Files.exists(target)) {
                    throw new ShardlineException(ErrorCode.ALREADY_EXISTS, id + " already exists at " + target);
                }
                if (separateWal) {
                    RocksSnapshot.deleteTree(walTarget);
                    Files.move(walTmp, walTarget, StandardCopyOption.ATOMIC_MOVE);
                }
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                discard();
                throw StorageErrors.wrap(e, id, target, "ingest snapshot");
            } catch (RuntimeException e) {
                discard();
                throw e;
            }
        }

        /** Removes the staged files; best effort (hidden leftovers are removed when the engine starts). */
        void discard() {
            try {
                RocksSnapshot.deleteTree(tmp);
                RocksSnapshot.deleteTree(walTmp);
            } catch (RuntimeException ignored) {
                // see above
            }
        }
    }

    /**
     * Writes {@code f} to {@code dest} as it arrives, its CRC-32C computed on the way. A read-only view
     * of a received message (neither direct nor array-backed) is first copied once into a direct
     * buffer that the checksum reads and the file is written from: checksummed as it is, it would be
     * copied in 4 KiB pieces, and written as it is, once more into the JDK's temporary direct buffer.
     */
    private static void pull(ShardId id, SnapshotSource source, SnapshotFile f, Path dest) throws IOException {
        CRC32C crc = new CRC32C();
        long size;
        try (FileChannel file = FileChannel.open(dest, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer[] staging = {null};
            size = source.transferTo(f, new WritableByteChannel() {
                @Override
                public int write(ByteBuffer src) throws IOException {
                    int n = src.remaining();
                    if (src.isDirect() || src.hasArray()) {
                        crc.update(src.duplicate());
                        writeFully(file, src);
                        return n;
                    }
                    if (staging[0] == null) {
                        staging[0] = ByteBuffer.allocateDirect(STAGING);
                    }
                    ByteBuffer buffer = staging[0];
                    while (src.hasRemaining()) {
                        int k = Math.min(buffer.capacity(), src.remaining());
                        buffer.clear();
                        buffer.put(src.slice().limit(k));
                        src.position(src.position() + k);
                        buffer.flip();
                        crc.update(buffer.duplicate());
                        writeFully(file, buffer);
                    }
                    return n;
                }

                @Override
                public boolean isOpen() {
                    return file.isOpen();
                }

                @Override
                public void close() {
                    // the file is closed by the try block
                }
            });
        }
        f.check(id, size, (int) crc.getValue());
        if (f.name().endsWith(".sst")) {
            FileChecksums.rememberImmutable(dest, f.crc32c()); // sending it on (copy-shard, backup) need not read it
        }
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    private static void writeFully(FileChannel file, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            file.write(b);
        }
    }
}
