package io.shardline.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Loopback ports for nodes whose address must be known before they start (Raft members list each
 * other's addresses).
 *
 * <p>Ports come from 12000..19999 (by default), below the kernel's ephemeral range (Linux
 * default 32768-60999). A port the kernel hands out with {@code bind(0)} can be taken again by any
 * outgoing connection (a gRPC client, an HTTP client) between the moment it is handed to a test
 * and the moment the node binds it; CI once failed on exactly that ("address already in use" on
 * 45155). Ports outside the ephemeral range are never chosen by the kernel, so only another
 * listener could take them. Each JVM starts at a random point of the range and walks forward, so
 * it never hands out a port twice (no TIME_WAIT reuse) until it wraps, and concurrent test JVMs
 * rarely meet. A port is handed out only if it can be bound at that moment.
 * {@code -Dshardline.testkit.ports=20100-20199} narrows the range (a session given its own ports).
 */
public final class FreePorts {

    static final int LOW = bound(0, 12_000);
    static final int HIGH = bound(1, 19_999);

    private static final int EPHEMERAL_LOW = ephemeralLow();
    private static int cursor = LOW + ThreadLocalRandom.current().nextInt(HIGH - LOW + 1);

    private FreePorts() {
    }

    public static synchronized int next() {
        for (int tries = 0; tries <= HIGH - LOW; tries++) {
            int port = cursor;
            cursor = cursor == HIGH ? LOW : cursor + 1;
            if (port < EPHEMERAL_LOW && bindable(port)) {
                return port;
            }
        }
        throw new UncheckedIOException(new IOException("no free loopback port in " + LOW + ".." + HIGH));
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Bound {@code i} (0 low, 1 high) of {@code -Dshardline.testkit.ports=LOW-HIGH}, else {@code otherwise}. */
    private static int bound(int i, int otherwise) {
        String range = System.getProperty("shardline.testkit.ports", "").strip();
        return range.isEmpty() ? otherwise : Integer.parseInt(range.split("-")[i].strip());
    }

    /** The first port of the kernel's ephemeral range; {@code Integer.MAX_VALUE} if it cannot be read. */
    private static int ephemeralLow() {
        try {
            // readLine, not readString: procfs reports a size of 0 and a sized read returns one byte
            try (BufferedReader in = Files.newBufferedReader(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))) {
                return Integer.parseInt(in.readLine().trim().split("\\s+")[0]);
            }
        } catch (IOException | RuntimeException e) {
            return Integer.MAX_VALUE;
        }
    }
}
