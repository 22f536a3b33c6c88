package io.shardline.meta.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import io.shardline.common.time.ManualClock;
import io.shardline.meta.model.ClusterMetadata;
import io.shardline.meta.model.NodeInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client's pure parts and its behaviour with no reachable meta node, without any server. */
class MetaClientPartsTest {

    @TempDir
    Path dir;

    private static ClusterMetadata metadata(long version) {
        return new ClusterMetadata(List.of(new NodeInfo(1, "m1:8089", "m1:8091")), List.of(), new TreeMap<>(),
                1, 0, 0, version);
    }

    @Test
    void backoffDoublesUpToItsCap() {
        Backoff b = new Backoff(Duration.ofMillis(50), Duration.ofSeconds(1));
        assertThat(List.of(b.delay(0), b.delay(1), b.delay(4), b.delay(30)))
                .containsExactly(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(800), Duration.ofSeconds(1));
    }

    @Test
    void viewStoreReplacesTheFileAndReloadsIt() throws Exception {
        ClusterViewStore store = new ClusterViewStore(dir);
        assertThat(store.load()).isEmpty();
        store.save(ClusterView.of(metadata(7)));
        store.save(ClusterView.of(metadata(9)));
        assertThat(store.load()).hasValueSatisfying(v -> assertThat(v.version()).isEqualTo(9));
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactly(ClusterViewStore.FILE_NAME);
        Files.write(dir.resolve(ClusterViewStore.FILE_NAME), new byte[] {(byte) 0xff, 1});
        assertThat(store.load()).as("an unreadable file is ignored").isEmpty();
    }

    @Test
    void endpointsRotateOnFailureAndLearnMetaNodes() {
        MetaEndpoints e = new MetaEndpoints(List.of("a:1", "b:1"), List.of(), null);
        assertThat(e.current()).isEqualTo("a:1");
        e.failed("a:1");
        assertThat(e.current()).isEqualTo("b:1");
        e.learn(metadata(1));
        assertThat(e.addresses()).containsExactly("a:1", "b:1", "m1:8091");
        assertThat(e.current()).isEqualTo("b:1");
    }

    @Test
    void unreachableMetaFailsWithMetaUnavailableAfterTheTimeoutAndKeepsTheCachedView() {
        new ClusterViewStore(dir).save(ClusterView.of(metadata(5)));
        ManualClock clock = new ManualClock();
        List<Duration> sleeps = new ArrayList<>();
        MetaClientSettings settings = new MetaClientSettings(List.of("127.0.0.1:1"), dir, clock, d -> {
            sleeps.add(d);
            clock.advance(d);
        }, Duration.ofSeconds(2), Duration.ofMillis(500), new Backoff(Duration.ofMillis(100), Duration.ofMillis(400)),
                false);
        List<ClusterView> seen = new ArrayList<>();
        try (MetaClient client = new MetaClient(settings).start()) {
            client.addListener(seen::add);
            assertThat(client.view().version()).isEqualTo(5);
            assertThatThrownBy(client::metadata).isInstanceOf(ShardlineException.class)
                    .satisfies(t -> assertThat(((ShardlineException) t).code()).isEqualTo(ErrorCode.META_UNAVAILABLE))
                    .hasMessageStartingWith("meta service unavailable");
            assertThat(sleeps).startsWith(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
            client.offer(metadata(4));
            client.offer(metadata(6));
            assertThat(seen).extracting(ClusterView::version).containsExactly(6L);
        }
    }
}
