package io.shardline.ctl.backup;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A {@code <ts>.manifest} of the portable backup layout: 1.x's JSON field names ({@code meta},
 * {@code limited}, {@code files} with {@code database}, {@code policy}, {@code shardID},
 * {@code fileName}, {@code size}, {@code lastModified}, and {@code database}/{@code policy}/
 * {@code shard_id} only when limited) plus Shardline's extra fields, which 1.x ignores: the strategy,
 * each archive's CRC-32C, each shard's time range, the data node it was copied from and the files
 * inside with their sizes and CRC-32C, and {@code format: "tsm"} for an archive of TSM files (made
 * with {@code -format tsm} for InfluxDB's {@code restore -portable}). A manifest is written last, so one that exists describes a
 * complete backup. Immutable.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BackupManifest(
        @JsonProperty("meta") MetaEntry meta,
        @JsonProperty("limited") boolean limited,
        @JsonProperty("files") List<ShardEntry> files,
        @JsonProperty("database") @JsonInclude(JsonInclude.Include.NON_EMPTY) String database,
        @JsonProperty("policy") @JsonInclude(JsonInclude.Include.NON_EMPTY) String policy,
        @JsonProperty("shard_id") @JsonInclude(JsonInclude.Include.NON_DEFAULT) long shardId,
        @JsonProperty("strategy") @JsonInclude(JsonInclude.Include.NON_EMPTY) String strategy) {

    public BackupManifest {
        files = files == null ? List.of() : List.copyOf(files);
        database = database == null ? "" : database;
        policy = policy == null ? "" : policy;
        strategy = strategy == null ? "" : strategy;
    }

    /** The metastore file; {@code crc32c} is null in manifests written by other tools. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MetaEntry(
            @JsonProperty("fileName") String fileName,
            @JsonProperty("size") long size,
            @JsonProperty("crc32c") @JsonInclude(JsonInclude.Include.NON_NULL) Integer crc32c) {
    }

    /** One shard's archive; the extra fields are null or empty in manifests written by other tools. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ShardEntry(
            @JsonProperty("database") String database,
            @JsonProperty("policy") String policy,
            @JsonProperty("shardID") long shardId,
            @JsonProperty("fileName") String fileName,
            @JsonProperty("size") long size,
            @JsonProperty("lastModified") long lastModified,
            @JsonProperty("crc32c") @JsonInclude(JsonInclude.Include.NON_NULL) Integer crc32c,
            @JsonProperty("startTime") @JsonInclude(JsonInclude.Include.NON_NULL) String startTime,
            @JsonProperty("endTime") @JsonInclude(JsonInclude.Include.NON_NULL) String endTime,
            @JsonProperty("from") @JsonInclude(JsonInclude.Include.NON_NULL) String from,
            @JsonProperty("shardFiles") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ArchivedFile> shardFiles,
            @JsonProperty("format") @JsonInclude(JsonInclude.Include.NON_EMPTY) String format) {

        public ShardEntry {
            shardFiles = shardFiles == null ? List.of() : List.copyOf(shardFiles);
            format = format == null ? "" : format;
        }

        /** A Shardline archive of the shard's own files. */
        public ShardEntry(String database, String policy, long shardId, String fileName, long size, long lastModified,
                          Integer crc32c, String startTime, String endTime, String from, List<ArchivedFile> shardFiles) {
            this(database, policy, shardId, fileName, size, lastModified, crc32c, startTime, endTime, from, shardFiles, "");
        }
    }

    /** A file inside a shard archive. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ArchivedFile(
            @JsonProperty("name") String name,
            @JsonProperty("size") long size,
            @JsonProperty("crc32c") int crc32c) {
    }

    /** The sum of the meta and archive sizes (what a restore transfers). */
    public long size() {
        return meta.size() + files.stream().mapToLong(ShardEntry::size).sum();
    }
}
