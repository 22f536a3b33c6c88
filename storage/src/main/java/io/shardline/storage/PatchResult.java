package io.shardline.storage;

/**
 * What applying a patch did: values merged (each kept only if it beats what the shard holds),
 * values dropped because their field has another type in this shard, tombstones that were new, and
 * the first drop reason (null if none). Immutable.
 */
public record PatchResult(long merged, long dropped, int tombstonesAdded, String firstReason) {
}
