package io.shardline.launcher.transfer;

/**
 * What the importer needs from an InfluxDB 1.x compatible server. Implemented over HTTP by
 * {@link HttpImportTarget}; tests use fakes. Called from the importer's thread only.
 */
interface ImportTarget {

    /** The address to name in {@code failed to connect to <addr>}. */
    String address();

    /** {@code GET /ping}: whether the server answered 2xx. */
    boolean ping();

    /** Runs one InfluxQL statement with {@code db}; returns its error text, or null when it succeeded. */
    String query(String statement, String db);

    /** The retention policies of {@code db} ({@code SHOW RETENTION POLICIES}); empty if it has none or fails. */
    java.util.Set<String> retentionPolicies(String db);

    /** {@code POST /write} of {@code body} (lines joined by {@code \n}) to {@code db} and {@code rp}. */
    WriteResponse write(String db, String rp, byte[] body);
}
