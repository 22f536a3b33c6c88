package io.shardline.common.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceGroupTest {

    private final List<String> events = new ArrayList<>();

    private Service service(String name, boolean failOnStart) {
        return new Service() {
            private final LifecycleGuard guard = new LifecycleGuard(name);

            @Override
            public String name() {
                return name;
            }

            @Override
            public void start() {
                guard.markStarted();
                if (failOnStart) {
                    throw new IllegalStateException(name + " failed");
                }
                events.add("start " + name);
            }

            @Override
            public void close() {
                if (guard.markClosed()) {
                    events.add("close " + name);
                }
            }
        };
    }

    @Test
    void startsInOrderAndClosesInReverse() {
        ServiceGroup group = new ServiceGroup("node");
        group.add(service("a", false));
        group.add(service("b", false));
        group.start();
        group.close();
        group.close();
        assertThat(events).containsExactly("start a", "start b", "close b", "close a");
    }

    @Test
    void failedStartClosesWhatAlreadyStarted() {
        ServiceGroup group = new ServiceGroup("node");
        group.add(service("a", false));
        group.add(service("b", true));
        group.add(service("c", false));
        assertThatThrownBy(group::start).hasMessage("b failed");
        assertThat(events).containsExactly("start a", "close a");
    }

    @Test
    void guardRefusesDoubleStartAndUseAfterClose() {
        LifecycleGuard guard = new LifecycleGuard("store");
        assertThatThrownBy(guard::checkRunning).isInstanceOf(ShardlineException.class)
                .hasMessage("store is not started");
        guard.markStarted();
        guard.checkRunning();
        assertThatThrownBy(guard::markStarted).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already running");
        assertThat(guard.markClosed()).isTrue();
        assertThat(guard.markClosed()).isFalse();
        assertThatThrownBy(guard::checkRunning)
                .satisfies(e -> assertThat(((ShardlineException) e).code()).isEqualTo(ErrorCode.FAILED_PRECONDITION))
                .hasMessage("store is closed");
        assertThatThrownBy(guard::markStarted).hasMessageContaining("closed");
    }
}
