package io.shardline.common.net;

import java.net.InetSocketAddress;

/**
 * A listening or advertised address in InfluxDB's notation: {@code host:port}, {@code :port}
 * (all interfaces) or {@code [::1]:port}. Immutable.
 */
public record HostPort(String host, int port) {

    public HostPort {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        host = host == null ? "" : host;
    }

    /**
     * Parses {@code host:port}, {@code :port} or {@code [v6]:port}.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static HostPort parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("missing address");
        }
        String s = text.trim();
        int colon = s.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("address \"" + text + "\" has no port; expected host:port or :port");
        }
        String host = s.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.indexOf(':') >= 0) {
            throw new IllegalArgumentException("IPv6 address \"" + text + "\" must be written as [addr]:port");
        }
        String portText = s.substring(colon + 1);
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid port \"" + portText + "\" in address \"" + text + "\"", e);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " out of range 0-65535 in address \"" + text + "\"");
        }
        return new HostPort(host, port);
    }

    /** True when no host is given: listen on every interface. */
    public boolean isWildcard() {
        return host.isEmpty();
    }

    /** The socket address to bind: the wildcard address when no host is given. */
    public InetSocketAddress toBindAddress() {
        return isWildcard() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
    }

    /** The same address with another port (used once an ephemeral port 0 is bound). */
    public HostPort withPort(int newPort) {
        return new HostPort(host, newPort);
    }

    /** The same port with another host (used to advertise a wildcard listener under a hostname). */
    public HostPort withHost(String newHost) {
        return new HostPort(newHost, port);
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
