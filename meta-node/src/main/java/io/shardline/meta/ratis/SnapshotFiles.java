package io.shardline.meta.ratis;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.rpc.MetadataCodec;
import io.shardline.proto.meta.MetaSnapshot;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import org.apache.ratis.io.MD5Hash;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.storage.FileInfo;
import org.apache.ratis.statemachine.impl.SimpleStateMachineStorage;
import org.apache.ratis.statemachine.impl.SingleFileSnapshotInfo;
import org.apache.ratis.util.AtomicFileOutputStream;
import org.apache.ratis.util.MD5FileUtil;

/**
 * Writes and reads the meta state machine's snapshots: one file per snapshot,
 * {@code snapshot.<term>_<index>} in Ratis's state-machine directory, holding a {@link MetaSnapshot}
 * (format {@value #FORMAT_VERSION}), next to a {@code .md5} file.
 *
 * <pre>
 *   1. encode, digest            (memory)
 *   2. snapshot.T_I.md5          written atomically (temp file, fsync, rename)
 *   3. snapshot.T_I              written atomically; only now does the snapshot exist
 * </pre>
 * A crash leaves either no snapshot or a complete one with its digest. Stateless.
 */
final class SnapshotFiles {

    static final int FORMAT_VERSION = 1;

    private SnapshotFiles() {
    }

    /** Writes the snapshot of {@code metadata} taken at {@code termIndex} and returns its info. */
    static SingleFileSnapshotInfo write(SimpleStateMachineStorage storage, ClusterMetadata metadata,
                                        TermIndex termIndex) throws IOException {
        byte[] bytes = MetaSnapshot.newBuilder().setVersion(FORMAT_VERSION)
                .setMetadata(MetadataCodec.encode(metadata)).build().toByteArray();
        MD5Hash md5 = MD5Hash.newInstance(MD5FileUtil.newMD5().digest(bytes));
        File file = storage.getSnapshotFile(termIndex.getTerm(), termIndex.getIndex());
        MD5FileUtil.saveMD5File(file, md5);
        try (OutputStream out = new AtomicFileOutputStream(file)) {
            out.write(bytes);
        }
        return new SingleFileSnapshotInfo(new FileInfo(file.toPath(), md5), termIndex);
    }

    /** Reads a snapshot, verifying its digest when it has one. */
    static ClusterMetadata read(SingleFileSnapshotInfo snapshot) throws IOException {
        File file = snapshot.getFile().getPath().toFile();
        MD5Hash expected = snapshot.getFile().getFileDigest();
        if (expected == null) {
            expected = MD5FileUtil.readStoredMd5ForFile(file);
        }
        if (expected != null) {
            MD5FileUtil.verifySavedMD5(file, expected);
        }
        MetaSnapshot decoded = MetaSnapshot.parseFrom(Files.readAllBytes(file.toPath()));
        if (decoded.getVersion() != FORMAT_VERSION) {
            throw new ShardlineException(ErrorCode.CORRUPTED, "snapshot " + file + " has format "
                    + decoded.getVersion() + "; this node reads format " + FORMAT_VERSION);
        }
        return MetadataCodec.decode(decoded.getMetadata());
    }
}
