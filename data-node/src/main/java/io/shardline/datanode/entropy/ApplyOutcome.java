package io.shardline.datanode.entropy;

/**
 * What a node did with a pushed patch: values merged and dropped (a field of another type),
 * tombstones that were new to it, and whether it queued the next hop of the repair. Immutable.
 */
public record ApplyOutcome(long merged, long dropped, int tombstonesAdded, boolean queuedNext) {
}
