package io.shardline.storage;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Names one shard on a data node: its database, retention policy and cluster-wide shard id. The
 * shard lives in the directory {@code <data dir>/<database>/<retention policy>/<id>}. Immutable.
 */
public record ShardId(String database, String retentionPolicy, long id) {

    public ShardId {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(retentionPolicy, "retentionPolicy");
        if (!validName(database) || !validName(retentionPolicy)) {
            throw new IllegalArgumentException("invalid database or retention policy name for a shard directory: "
                    + database + "/" + retentionPolicy);
        }
        if (id < 0) {
            throw new IllegalArgumentException("shard id must not be negative: " + id);
        }
    }

    /**
     * The value a record's generated hashCode gives (each component folded in as {@code h * 31 + hash}), written
     * out: the generated one runs through method handles that a warm query still paid for on every shard lookup.
     */
    @Override
    public int hashCode() {
        return (database.hashCode() * 31 + retentionPolicy.hashCode()) * 31 + Long.hashCode(id);
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof ShardId s && id == s.id && database.equals(s.database)
                && retentionPolicy.equals(s.retentionPolicy);
    }

    /** {@code <database>/<retention policy>/<id>} below {@code root}. */
    public Path under(Path root) {
        return root.resolve(database).resolve(retentionPolicy).resolve(Long.toString(id));
    }

    private static boolean validName(String s) {
        return !s.isEmpty() && !s.equals(".") && !s.equals("..") && s.indexOf('/') < 0 && s.indexOf('\\') < 0
                && s.indexOf('\0') < 0;
    }

    /** {@code shard=<id> db=<database> rp=<retention policy>}, the form used in logs and errors. */
    @Override
    public String toString() {
        return "shard=" + id + " db=" + database + " rp=" + retentionPolicy;
    }
}
