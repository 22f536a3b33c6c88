package io.shardline.common.lifecycle;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts services in the order they were added and closes the started ones in reverse order. If a
 * service fails to start, the ones already started are closed before the failure propagates. Used
 * by the composition roots; confined to the thread that starts and stops the process.
 */
public final class ServiceGroup implements Service {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceGroup.class);

    private final String name;
    private final List<Service> services = new ArrayList<>();
    private final Deque<Service> started = new ArrayDeque<>();
    private final LifecycleGuard guard;

    public ServiceGroup(String name) {
        this.name = name;
        this.guard = new LifecycleGuard(name);
    }

    /** Adds a service to start after the ones added before it; returns it for chaining. */
    public <S extends Service> S add(S service) {
        if (guard.state() != LifecycleGuard.State.NEW) {
            throw new IllegalStateException("cannot add " + service.name() + " to " + name + " after start");
        }
        services.add(service);
        return service;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start() {
        guard.markStarted();
        for (Service s : services) {
            try {
                s.start();
            } catch (RuntimeException e) {
                closeStarted();
                throw e;
            }
            started.push(s);
        }
    }

    @Override
    public void close() {
        if (guard.markClosed()) {
            closeStarted();
        }
    }

    private void closeStarted() {
        while (!started.isEmpty()) {
            Service s = started.pop();
            try {
                s.close();
            } catch (RuntimeException e) {
                LOG.warn("Error closing service={}", s.name(), e);
            }
        }
    }
}
