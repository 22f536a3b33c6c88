package io.shardline.storage.patch;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import java.util.Arrays;

/**
 * A set of stored values (with their versions) and tombstones exported from one replica to be
 * merged into another by version. Held in its encoded form, which is what travels between nodes
 * (see {@link PatchWriter} for the layout). Immutable.
 */
public final class Patch {

    private final byte[] bytes;
    private final long values;
    private final int tombstones;

    Patch(byte[] bytes, long values, int tombstones) {
        this.bytes = bytes;
        this.values = values;
        this.tombstones = tombstones;
    }

    /** A patch from its bytes; {@link ErrorCode#CORRUPTED} if they fail the checksum or the layout. */
    public static Patch fromBytes(byte[] bytes) {
        PatchReader.Header h = PatchReader.header(bytes);
        return new Patch(bytes.clone(), h.values(), h.tombstones());
    }

    /** A copy of the encoded patch. */
    public byte[] toBytes() {
        return bytes.clone();
    }

    /** Encoded size in bytes. */
    public int sizeBytes() {
        return bytes.length;
    }

    /** Number of values in the patch. */
    public long values() {
        return values;
    }

    /** Number of tombstones in the patch. */
    public int tombstones() {
        return tombstones;
    }

    /** Feeds the content to {@code visitor}. */
    public void accept(PatchVisitor visitor) {
        try {
            PatchReader.read(bytes, visitor);
        } catch (IllegalArgumentException e) {
            throw new ShardlineException(ErrorCode.CORRUPTED, "corrupted patch: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Patch p && Arrays.equals(bytes, p.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Patch[values=" + values + " tombstones=" + tombstones + " bytes=" + bytes.length + "]";
    }
}
