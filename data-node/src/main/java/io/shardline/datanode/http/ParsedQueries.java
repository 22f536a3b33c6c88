package io.shardline.datanode.http;

import io.shardline.query.ast.Query;
import io.shardline.query.parse.InfluxQLParser;
import io.shardline.query.parse.ParseException;

/**
 * The parsed form and the rendered text (what SHOW QUERIES and the slow-query log show) of recent {@code /query}
 * texts, so a dashboard sending the same statements over and over is parsed and rendered once per distinct text
 * rather than once per request. Parsing is a pure function of the text and the syntax tree is immutable, so a
 * cached entry is exactly what parsing again would give. Texts longer than {@link #MAX_TEXT_CHARS} are parsed every
 * time and never kept; at most {@link #MAX_ENTRIES} texts are (a few MB at worst); texts that fail to parse are not
 * kept. Thread-safe.
 */
final class ParsedQueries {

    /** How many distinct texts are kept (least recently and least often used go first). */
    static final int MAX_ENTRIES = TextCache.MAX_ENTRIES;
    /** Longer texts are not kept. */
    static final int MAX_TEXT_CHARS = TextCache.MAX_TEXT_CHARS;

    /** A parsed query and its rendering ({@link Query#toString()}). */
    record Parsed(Query query, String text) {
    }

    private final TextCache<Parsed> cache = new TextCache<>();

    /**
     * {@code text} parsed, from the cache when it was seen before.
     *
     * @throws ParseException as {@link InfluxQLParser#parseQuery(String)}
     */
    Parsed parse(String text) {
        return cache.get(text, ParsedQueries::parseNow);
    }

    /** How many texts are kept now (for tests). */
    long size() {
        return cache.size();
    }

    private static Parsed parseNow(String text) {
        Query query = InfluxQLParser.parseQuery(text);
        return new Parsed(query, query.toString());
    }
}
