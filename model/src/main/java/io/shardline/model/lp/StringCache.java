package io.shardline.model.lp;

/**
 * Maps escaped key bytes to their unescaped string, so repeated field keys cost a hash and a
 * compare instead of an allocation. Bounded (see {@link ByteKeyCache}). Not thread-safe.
 */
final class StringCache {

    private final ByteKeyCache<String> cache;
    private final Text text;
    private final int escapeSet;

    StringCache(Text text, int escapeSet) {
        this(text, escapeSet, 2048);
    }

    /** A cache of {@code slots} slots (a power of two; half of them are used before it starts over). */
    StringCache(Text text, int escapeSet, int slots) {
        this.cache = new ByteKeyCache<>(slots, 128);
        this.text = text;
        this.escapeSet = escapeSet;
    }

    String get(byte[] b, int s, int e) {
        if (!cache.accepts(e - s)) {
            return text.unescape(b, s, e, escapeSet);
        }
        int hash = Hashing.hash(b, s, e);
        String v = cache.get(b, s, e, hash);
        if (v == null) {
            v = text.unescape(b, s, e, escapeSet);
            cache.put(b, s, e, hash, v);
        }
        return v;
    }
}
