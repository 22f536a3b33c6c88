package io.shardline.datanode.entropy;

import io.shardline.model.FieldType;
import io.shardline.model.SeriesKey;
import io.shardline.storage.Tombstone;
import io.shardline.storage.patch.Patch;
import io.shardline.storage.patch.PatchVisitor;
import java.nio.charset.StandardCharsets;

/**
 * The raw size of the values a patch carries, the yardstick of the {@code bytesDiff} counter: 8
 * bytes per float, integer or unsigned, 1 per boolean, the UTF-8 length of a string. Stateless.
 */
final class PatchBytes {

    private PatchBytes() {
    }

    static long rawValueBytes(Patch patch) {
        long[] total = {0};
        patch.accept(new PatchVisitor() {
            @Override
            public void tombstone(Tombstone tombstone) {
            }

            @Override
            public void entry(SeriesKey series, String field, FieldType type, long timestamp, long version, long bits,
                              String string) {
                total[0] += valueBytes(type, string);
            }
        });
        return total[0];
    }

    static long valueBytes(FieldType type, String string) {
        return switch (type) {
            case BOOLEAN -> 1;
            case STRING -> string == null ? 0 : string.getBytes(StandardCharsets.UTF_8).length;
            default -> 8;
        };
    }
}
