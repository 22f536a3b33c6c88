package io.shardline.tsm;

/**
 * The fixed numbers of the TSM file layout (InfluxDB 1.x {@code tsm1}, version 1).
 *
 * <pre>
 * ┌────────┬──────────────────────────┬──────────────┬────────────┐
 * │ header │ blocks                   │ index        │ footer     │
 * │ 5 B    │ (crc32 u32 | data) ...   │ per key ...  │ index ofs  │
 * └────────┴──────────────────────────┴──────────────┴────────────┘
 * header     = magic u32 0x16D116D1 | version u8 1
 * block      = CRC-32 (IEEE) of data, u32 | data (see BlockCodec)
 * index key  = key length u16 | key | block type u8 | entry count u16
 *              | (min time i64 | max time i64 | offset i64 | size u32) * count
 * footer     = offset of the index, u64
 * </pre>
 * All integers big-endian; keys ascending as unsigned bytes; entries of a key ascending by time.
 */
public final class TsmFormat {

    public static final int MAGIC = 0x16D116D1;
    public static final int VERSION = 1;
    public static final int HEADER_SIZE = 5;
    public static final int FOOTER_SIZE = 8;
    public static final int CRC_SIZE = 4;
    /** Bytes of one index entry: min, max, offset, size. */
    public static final int ENTRY_SIZE = 28;
    /** Longest key InfluxDB writes (its length is a u16). */
    public static final int MAX_KEY_LENGTH = 65535;
    /** Most blocks one key may have in one file (the count is a u16). */
    public static final int MAX_BLOCKS_PER_KEY = 65535;
    /** Values per block InfluxDB writes ({@code tsdb.DefaultMaxPointsPerBlock}). */
    public static final int DEFAULT_MAX_POINTS_PER_BLOCK = 1000;
    /** File size at which InfluxDB's compactor starts a new file (2 GiB). */
    public static final long DEFAULT_MAX_FILE_SIZE = 2048L * 1024 * 1024;
    /** File name extension of TSM files. */
    public static final String EXTENSION = ".tsm";
    /** File name extension of tombstone files. */
    public static final String TOMBSTONE_EXTENSION = ".tombstone";

    private TsmFormat() {
    }
}
