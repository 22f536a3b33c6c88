package io.shardline.storage.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.common.error.ShardlineException;
import io.shardline.model.FieldType;
import io.shardline.model.SeriesKey;
import io.shardline.storage.SeriesRange;
import io.shardline.storage.TagPredicate;
import io.shardline.storage.TimeRange;
import io.shardline.storage.Tombstone;
import io.shardline.storage.internal.Column;
import io.shardline.storage.patch.Patch;
import io.shardline.storage.patch.PatchVisitor;
import io.shardline.storage.patch.PatchWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pure pieces of anti-entropy: patch and digest codecs, and the top-down diff. */
class DigestAndPatchCodecTest {

    private static final SeriesKey A = SeriesKey.of("cpu", Map.of("host", "a"));
    private static final SeriesKey B = SeriesKey.of("cpu", Map.of("host", "b"));

    @Test
    void patchesRoundTripEveryTypeMixedVersionsAndTombstones() {
        Column f = new Column(4).reset(0, "f", FieldType.FLOAT);
        f.add(10, 5, Double.doubleToRawLongBits(1.5), null);
        f.add(20, 6, Double.doubleToRawLongBits(-2), null);
        Column s = new Column(4).reset(0, "s", FieldType.STRING);
        s.add(10, 7, 0, "x\ny");
        Column u = new Column(4).reset(0, "u", FieldType.UNSIGNED);
        u.add(-5, 5, -1L, null);
        Column bo = new Column(4).reset(0, "b", FieldType.BOOLEAN);
        bo.add(20, 6, 1, null);
        Tombstone t = Tombstone.delete("cpu", TagPredicate.and(TagPredicate.regex("host", "^a"),
                TagPredicate.neq("dc", "x")), TimeRange.of(-3, 9), 77);
        Patch p = new PatchWriter().tombstone(t).series(A, List.of(f, s, u, bo)).finish();
        assertThat(p.values()).isEqualTo(5);
        List<String> seen = new ArrayList<>();
        Patch.fromBytes(p.toBytes()).accept(new PatchVisitor() {
            @Override
            public void tombstone(Tombstone tombstone) {
                seen.add("T " + tombstone.equals(t));
            }

            @Override
            public void entry(SeriesKey series, String field, FieldType type, long ts, long version, long bits,
                    String string) {
                seen.add(series + " " + field + " " + ts + " v" + version + " " + bits + " " + string);
            }
        });
        assertThat(seen).containsExactly("T true", "cpu,host=a u -5 v5 -1 null",
                "cpu,host=a f 10 v5 " + Double.doubleToRawLongBits(1.5) + " null", "cpu,host=a s 10 v7 0 x\ny",
                "cpu,host=a f 20 v6 " + Double.doubleToRawLongBits(-2) + " null", "cpu,host=a b 20 v6 1 null");
        byte[] broken = p.toBytes();
        broken[broken.length / 2] ^= 4;
        assertThatThrownBy(() -> Patch.fromBytes(broken)).isInstanceOf(ShardlineException.class);
    }

    @Test
    void diffWalksDownToDifferingBucketsAndRows() {
        long w = 100;
        Digest left = new DigestBuilder(w, Digest.NO_CUTOFF).add(A, 0, leaf(1)).add(A, 100, leaf(2))
                .add(B, 0, leaf(3)).addTombstone(9).build();
        Digest right = new DigestBuilder(w, Digest.NO_CUTOFF).add(A, 0, leaf(1)).add(A, 100, leaf(5))
                .add(A, 200, leaf(6)).addTombstone(9).build();
        assertThat(DigestCodec.decode(DigestCodec.encode(left))).isEqualTo(left);
        DiffResult d = DigestDiff.diff(left, right);
        assertThat(d.tombstonesDiffer()).isFalse();
        assertThat(d.buckets()).containsExactlyInAnyOrder(new SeriesRange(A, 100, 199), new SeriesRange(A, 200, 299),
                new SeriesRange(B, 0, 99));
        assertThat(DigestDiff.diff(left, left).isEmpty()).isTrue();
        SeriesRange r = new SeriesRange(A, 0, 99);
        RowDigest mine = new RowDigest(Digest.NO_CUTOFF, 1, List.of(new SeriesRows(r, new long[] {1, 2, 3, 4, 5},
                new long[] {1, 2, 3, 4, 5})));
        RowDigest theirs = new RowDigest(Digest.NO_CUTOFF, 1, List.of(new SeriesRows(r, new long[] {1, 2, 4, 5, 6},
                new long[] {1, 9, 4, 5, 6})));
        assertThat(RowDigestCodec.decode(RowDigestCodec.encode(mine))).isEqualTo(mine);
        assertThat(DigestDiff.diffRows(mine, theirs)).containsExactly(new SeriesRange(A, 2, 3),
                new SeriesRange(A, 6, 6));
        long[][] slots = RowDigest.coarsen(new long[] {1, 2, 3, 4, 5, 6}, new long[] {1, 2, 3, 4, 5, 6}, 6, 4);
        assertThat(slots[0]).containsExactly(0, 4);
        assertThat(slots[1]).containsExactly(6, 15);
        RowDigest coarseMine = new RowDigest(Digest.NO_CUTOFF, 10, List.of(new SeriesRows(r, new long[] {0, 10, 20, 30},
                new long[] {1, 2, 3, 4})));
        RowDigest coarseTheirs = new RowDigest(Digest.NO_CUTOFF, 10, List.of(new SeriesRows(r,
                new long[] {0, 10, 20, 90}, new long[] {1, 7, 8, 4})));
        assertThat(RowDigestCodec.decode(RowDigestCodec.encode(coarseTheirs))).isEqualTo(coarseTheirs);
        assertThat(DigestDiff.diffRows(coarseMine, coarseTheirs)).containsExactly(new SeriesRange(A, 10, 99));
    }

    private static LeafSummary leaf(long h) {
        return new LeafSummary(h, 1, 1, 1);
    }
}
