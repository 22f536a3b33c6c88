package io.shardline.datanode.entropy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntropyStateStoreTest {

    @TempDir
    Path dir;

    @Test
    void nothingSavedLoadsEmpty() {
        EntropyState.Persistent p = new EntropyStateStore(dir.resolve("meta")).load();
        assertThat(p.held()).isEmpty();
        assertThat(p.repairs()).isEmpty();
    }

    @Test
    void queueAndHeldShardsRoundTripAndTheFileIsReadable() throws Exception {
        EntropyStateStore store = new EntropyStateStore(dir.resolve("meta"));
        store.save(new EntropyState.Persistent(Set.of(3L, 9L, 5L), Map.of(9L, List.of(4L, 5L), 5L, List.of())));
        EntropyState.Persistent p = new EntropyStateStore(dir.resolve("meta")).load();
        assertThat(p.held()).containsExactlyInAnyOrder(3L, 5L, 9L);
        assertThat(p.repairs()).containsEntry(9L, List.of(4L, 5L)).containsEntry(5L, List.of());
        assertThat(Files.readString(dir.resolve("meta").resolve(EntropyStateStore.FILE_NAME)))
                .contains("held=3,5,9\n", "repair.5=\n", "repair.9=4,5\n");
        assertThat(dir.resolve("meta").resolve(EntropyStateStore.FILE_NAME + ".tmp")).doesNotExist();
    }

    @Test
    void aDamagedFileIsReportedNotIgnored() throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(EntropyStateStore.FILE_NAME), "held=1,x\n");
        assertThatThrownBy(() -> new EntropyStateStore(dir).load()).isInstanceOfSatisfying(ShardlineException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.CORRUPTED));
    }
}
