package io.shardline.datanode.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.function.Function;

/**
 * Results of a pure function of short request texts (a query text, a request URI) for the texts seen lately,
 * so a client repeating the same request pays for the work once per distinct text rather than once per
 * request. Texts longer than {@link #MAX_TEXT_CHARS} are computed every time and never kept; at most
 * {@link #MAX_ENTRIES} are (least recently and least often used go first); a computation that throws keeps
 * nothing. Thread-safe.
 */
final class TextCache<V> {

    /** How many distinct texts are kept. */
    static final int MAX_ENTRIES = 512;
    /** Longer texts are not kept. */
    static final int MAX_TEXT_CHARS = 2048;

    // Maintenance runs on the calling thread: no task is handed to another pool on the request path.
    private final Cache<String, V> cache = Caffeine.newBuilder().maximumSize(MAX_ENTRIES)
            .executor(Runnable::run).build();

    /** {@code compute} of {@code text}, from the cache when the text was seen before. */
    V get(String text, Function<String, V> compute) {
        if (text.length() > MAX_TEXT_CHARS) {
            return compute.apply(text);
        }
        V value = cache.getIfPresent(text);
        if (value == null) {
            value = compute.apply(text);
            cache.put(text, value);
        }
        return value;
    }

    /** How many texts are kept now (for tests). */
    long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }
}
