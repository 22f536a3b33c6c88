package io.shardline.common.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The credentials of a request, found as InfluxDB 1.8's {@code parseCredentials} finds them: {@code u} and
 * {@code p} query parameters (both non-empty), then {@code Authorization: Bearer <jwt>}, {@code Token
 * user:password}, or {@code Basic} (strict base64, a colon required). Stateless.
 */
public sealed interface HttpCredentials {

    /** A user name and password (u/p, Token or Basic). */
    record Password(String username, String password) implements HttpCredentials {
        @Override
        public String toString() {
            return "Password[username=" + username + "]";
        }
    }

    /** A JSON Web Token. */
    record Bearer(String token) implements HttpCredentials {
        @Override
        public String toString() {
            return "Bearer[...]";
        }
    }

    /** The credentials of {@code request}, empty when none can be parsed. */
    static Optional<HttpCredentials> of(HttpRequestView request) {
        String u = request.param("u");
        String p = request.param("p");
        if (u != null && p != null && !u.isEmpty() && !p.isEmpty()) {
            return Optional.of(new Password(u, p));
        }
        String header = request.header("Authorization");
        if (header == null || header.isEmpty()) {
            return Optional.empty();
        }
        String[] parts = header.split(" ", -1);
        if (parts.length == 2 && parts[0].equals("Bearer")) {
            return Optional.of(new Bearer(parts[1]));
        }
        if (parts.length == 2 && parts[0].equals("Token")) {
            Optional<HttpCredentials> token = split(parts[1]);
            if (token.isPresent()) {
                return token;
            }
        }
        return basic(header);
    }

    private static Optional<HttpCredentials> basic(String header) {
        if (!header.startsWith("Basic ")) {
            return Optional.empty();
        }
        String encoded = header.substring("Basic ".length());
        if (encoded.length() % 4 != 0) {
            return Optional.empty(); // Go's StdEncoding insists on padding
        }
        try {
            return split(new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<HttpCredentials> split(String userColonPassword) {
        int colon = userColonPassword.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        return Optional.of(new Password(userColonPassword.substring(0, colon), userColonPassword.substring(colon + 1)));
    }
}
