package io.shardline.storage.internal;

import io.shardline.storage.TagPredicate;
import io.shardline.storage.Tombstone;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The byte form of a {@link Tombstone}, shared by the RocksDB store, digests and patches. Stateless.
 *
 * <pre>
 * tombstone := u8 hasMeasurement | [string measurement] | predicate | zigzag minTime | zigzag maxTime
 *              | u64be version
 * predicate := 0                                   all
 *            | 1 string key | string value | u8 negated          = / !=
 *            | 2 string key | string regex | varint flags | u8 negated   =~ / !~
 *            | 3 varint n | predicate * n          and
 *            | 4 varint n | predicate * n          or
 * </pre>
 */
public final class TombstoneCodec {

    private static final int MAX_DEPTH = 64;

    private TombstoneCodec() {
    }

    public static byte[] encode(Tombstone t) {
        ByteSink out = new ByteSink(64);
        write(out, t);
        return out.toByteArray();
    }

    public static void write(ByteSink out, Tombstone t) {
        out.put(t.measurement() == null ? 0 : 1);
        if (t.measurement() != null) {
            out.putString(t.measurement());
        }
        writePredicate(out, t.predicate());
        out.putZigzag(t.minTime()).putZigzag(t.maxTime()).putLongBE(t.version());
    }

    public static Tombstone decode(byte[] b) {
        return read(new ByteSource(b));
    }

    public static Tombstone read(ByteSource in) {
        String m = in.get() == 0 ? null : in.getString();
        TagPredicate p = readPredicate(in, 0);
        long min = in.getZigzag();
        long max = in.getZigzag();
        long version = in.getLongBE();
        try {
            return new Tombstone(m, p, min, max, version);
        } catch (IllegalArgumentException e) {
            throw ByteSource.corrupted("bad tombstone: " + e.getMessage());
        }
    }

    private static void writePredicate(ByteSink out, TagPredicate p) {
        if (p instanceof TagPredicate.All) {
            out.put(0);
        } else if (p instanceof TagPredicate.Compare c) {
            out.put(1).putString(c.key()).putString(c.value()).put(c.negated() ? 1 : 0);
        } else if (p instanceof TagPredicate.Regex r) {
            out.put(2).putString(r.key()).putString(r.pattern().pattern()).putVarInt(r.pattern().flags())
                    .put(r.negated() ? 1 : 0);
        } else if (p instanceof TagPredicate.And a) {
            out.put(3).putVarInt(a.terms().size());
            a.terms().forEach(t -> writePredicate(out, t));
        } else if (p instanceof TagPredicate.Or o) {
            out.put(4).putVarInt(o.terms().size());
            o.terms().forEach(t -> writePredicate(out, t));
        } else {
            throw new IllegalArgumentException("unknown predicate " + p);
        }
    }

    private static TagPredicate readPredicate(ByteSource in, int depth) {
        if (depth > MAX_DEPTH) {
            throw ByteSource.corrupted("predicate nested too deeply");
        }
        int kind = in.get();
        switch (kind) {
            case 0:
                return TagPredicate.all();
            case 1:
                return new TagPredicate.Compare(in.getString(), in.getString(), in.get() != 0);
            case 2:
                String key = in.getString();
                String regex = in.getString();
                int flags = in.getVarInt();
                try {
                    return new TagPredicate.Regex(key, Pattern.compile(regex, flags), in.get() != 0);
                } catch (IllegalArgumentException e) {
                    throw ByteSource.corrupted("bad regex in tombstone: " + regex);
                }
            case 3:
            case 4:
                int n = in.getVarInt();
                List<TagPredicate> terms = new ArrayList<>(Math.min(n, 64));
                for (int i = 0; i < n; i++) {
                    terms.add(readPredicate(in, depth + 1));
                }
                return kind == 3 ? new TagPredicate.And(terms) : new TagPredicate.Or(terms);
            default:
                throw ByteSource.corrupted("unknown predicate kind " + kind);
        }
    }
}
