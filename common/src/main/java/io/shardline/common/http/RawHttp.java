package io.shardline.common.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One HTTP/1.1 exchange over a plain socket with exact bytes both ways, for tests and tools that
 * must send what an ordinary client would refuse to (stray control bytes, broken chunking) or
 * check a response's header bytes. Reads the response by its {@code Content-Length}, else until the
 * server closes. Not for production traffic.
 */
public final class RawHttp {

    /** A response: status, the header lines as bytes (ISO-8859-1 text), and the body. */
    public record Response(int status, List<String> headerLines, byte[] body) {

        /** The raw value of the first header named {@code name} (case-insensitive), or null. */
        public String header(String name) {
            for (String line : headerLines) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).stripLeading();
                }
            }
            return null;
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private RawHttp() {
    }

    /** Sends {@code request} as is to 127.0.0.1:{@code port} and reads one response. */
    public static Response exchange(int port, byte[] request, int timeoutMillis) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            return read(socket.getInputStream());
        }
    }

    /** A request with a body and {@code Content-Length}; {@code extraHeaders} are whole lines without CRLF. */
    public static byte[] request(String method, String target, byte[] body, String... extraHeaders) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1\r\n").append("Content-Length: ").append(body.length).append("\r\n");
        for (String h : extraHeaders) {
            head.append(h).append("\r\n");
        }
        head.append("\r\n");
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** Reads one response from {@code in}. */
    public static Response read(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            throw new IOException("connection closed before a response");
        }
        String[] parts = statusLine.split(" ", 3);
        int status = Integer.parseInt(parts[1]);
        List<String> headers = new ArrayList<>();
        long length = -1;
        for (String l; (l = line(in)) != null && !l.isEmpty(); ) {
            headers.add(l);
            if (l.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Long.parseLong(l.substring(15).trim());
            }
        }
        byte[] body = length >= 0 ? in.readNBytes((int) length) : status == 204 ? new byte[0] : in.readAllBytes();
        return new Response(status, headers, body);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c; (c = in.read()) >= 0; ) {
            if (c == '\n') {
                byte[] bytes = b.toByteArray();
                int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }
}
