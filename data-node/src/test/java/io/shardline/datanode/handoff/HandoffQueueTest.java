package io.shardline.datanode.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HandoffQueueTest {

    @TempDir
    Path dir;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> payloads(List<QueuedEntry> entries) {
        return entries.stream().map(e -> new String(e.payload(), StandardCharsets.UTF_8)).toList();
    }

    @Test
    void appendPeekAckInOrder() {
        try (HandoffQueue q = HandoffQueue.open(dir, 1 << 20)) {
            assertThat(q.isEmpty()).isTrue();
            assertThat(q.peek(100)).isEmpty();
            q.append(bytes("a"), 10, true);
            q.append(bytes("bb"), 11, false);
            q.append(bytes("ccc"), 12, false);
            assertThat(q.bytes()).isEqualTo(3 * 16 + 6);
            List<QueuedEntry> first = q.peek(2);
            assertThat(payloads(first)).containsExactly("a", "bb");
            assertThat(first.get(0).enqueuedAtMillis()).isEqualTo(10);
            q.ack(first.get(1).next());
            assertThat(payloads(q.peek(100))).containsExactly("ccc");
            assertThat(q.bytes()).isEqualTo(19);
            q.ack(q.peek(100).get(0).next());
            assertThat(q.isEmpty()).isTrue();
        }
    }

    @Test
    void peekReturnsOneEntryEvenIfLargerThanTheLimit() {
        try (HandoffQueue q = HandoffQueue.open(dir, 1 << 20)) {
            q.append(new byte[1000], 1, false);
            assertThat(q.peek(10)).hasSize(1);
        }
    }

    @Test
    void survivesARestartInTheMiddleOfReplay() {
        try (HandoffQueue q = HandoffQueue.open(dir, 64)) {
            for (int i = 0; i < 10; i++) {
                q.append(bytes("entry-" + i), i, true);
            }
            assertThat(q.segmentCount()).isGreaterThan(1);
            List<QueuedEntry> some = q.peek(20);
            q.ack(some.get(some.size() - 1).next());
        }
        try (HandoffQueue q = HandoffQueue.open(dir, 64)) {
            List<String> rest = payloads(q.peek(Long.MAX_VALUE));
            assertThat(rest).hasSizeLessThan(10).last().isEqualTo("entry-9");
            assertThat(rest.get(0)).isEqualTo("entry-" + (10 - rest.size()));
            q.ack(q.peek(Long.MAX_VALUE).get(rest.size() - 1).next());
            assertThat(q.isEmpty()).isTrue();
            assertThat(q.segmentCount()).isEqualTo(1);
        }
    }

    @Test
    void rollsOverSegmentsAndDeletesSpentOnes() throws IOException {
        try (HandoffQueue q = HandoffQueue.open(dir, 100)) {
            for (int i = 0; i < 20; i++) {
                q.append(new byte[30], i, false);
            }
            assertThat(segments()).hasSize(10);
            List<QueuedEntry> all = q.peek(Long.MAX_VALUE);
            assertThat(all).hasSize(20);
            q.ack(all.get(9).next());
            assertThat(segments()).hasSize(5);
        }
    }

    @Test
    void tornTailIsTruncatedAndCountedNotFatal() throws IOException {
        try (HandoffQueue q = HandoffQueue.open(dir, 1 << 20)) {
            q.append(bytes("whole-1"), 1, true);
            q.append(bytes("whole-2"), 2, true);
        }
        Path seg = segments().get(0);
        long goodSize = Files.size(seg);
        try (FileChannel ch = FileChannel.open(seg, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {0, 0, 0, 40, 1, 2, 3}));
        }
        try (HandoffQueue q = HandoffQueue.open(dir, 1 << 20)) {
            assertThat(q.truncatedBytes()).isEqualTo(7);
            assertThat(Files.size(seg)).isEqualTo(goodSize);
            assertThat(payloads(q.peek(Long.MAX_VALUE))).containsExactly("whole-1", "whole-2");
            q.append(bytes("after"), 3, true);
            assertThat(payloads(q.peek(Long.MAX_VALUE))).containsExactly("whole-1", "whole-2", "after");
        }
    }

    @Test
    void corruptChecksumInTheTailIsTruncated() throws IOException {
        try (HandoffQueue q = HandoffQueue.open(dir, 1 << 20)) {
            q.append(bytes("keep"), 1, true);
            q.append(bytes("flip"), 2, true);
        }
        Path seg = segments().get(0);
        byte[] content = Files.readAllBytes(seg);
        content[content.length - 1] ^= 0x55;
        Files.write(seg, content);
        try (HandoffQueue q = HandoffQueue.open(dir, 1 << 20)) {
            assertThat(payloads(q.peek(Long.MAX_VALUE))).containsExactly("keep");
            assertThat(q.truncatedBytes()).isEqualTo(20);
        }
    }

    @Test
    void purgesByEnqueueTime() {
        try (HandoffQueue q = HandoffQueue.open(dir, 1 << 20)) {
            q.append(bytes("old-1"), 100, false);
            q.append(bytes("old-2"), 200, false);
            q.append(bytes("new"), 300, false);
            assertThat(q.purgeOlderThan(250)).isEqualTo(2);
            assertThat(payloads(q.peek(Long.MAX_VALUE))).containsExactly("new");
            assertThat(q.purgeOlderThan(250)).isZero();
        }
    }

    @Test
    void deleteAllRemovesTheDirectory() {
        HandoffQueue q = HandoffQueue.open(dir.resolve("5/17"), 1 << 20);
        q.append(bytes("x"), 1, false);
        q.deleteAll();
        assertThat(dir.resolve("5/17")).doesNotExist();
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".seg")).sorted().toList();
        }
    }
}
