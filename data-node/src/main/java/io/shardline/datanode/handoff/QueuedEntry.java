package io.shardline.datanode.handoff;

/**
 * One entry read from a hinted-handoff queue: its payload, when it was enqueued (wall ms), its
 * size on disk, and the position just after it (what to acknowledge once it is delivered).
 */
public record QueuedEntry(byte[] payload, long enqueuedAtMillis, int frameBytes, QueuePosition next) {
}
