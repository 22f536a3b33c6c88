package io.shardline.common.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Set;

/**
 * JSON Web Tokens signed with a shared secret, as InfluxDB 1.x checks them ({@code [http] shared-secret}
 * for users, the internal shared secret between nodes): any HMAC algorithm (HS256/384/512), claims
 * {@code username} and {@code exp} (Unix seconds). Signing and the HMAC check are Auth0's java-jwt;
 * the order of checks and every refusal text are those of jwt-go 3.2 as InfluxDB used it
 * ({@code token contains an invalid number of segments}, {@code unexpected signing method: none},
 * {@code Token is expired}, {@code signature is invalid}, ...). Stateless.
 */
public final class JwtTokens {

    /** Algorithms jwt-go knows; a known non-HMAC one is "unexpected", an unknown one "unavailable". */
    private static final Set<String> KNOWN = Set.of("HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "ES256",
            "ES384", "ES512", "PS256", "PS384", "PS512", "none");

    private JwtTokens() {
    }

    /** The outcome of checking a token: the user name, or the refusal text. */
    public record Verdict(String username, String error) {

        static Verdict refused(String error) {
            return new Verdict(null, error);
        }

        public boolean ok() {
            return error == null;
        }
    }

    /** An HS256 token with {@code username} and {@code exp = nowSeconds + lifetime}. */
    public static String sign(String username, long nowSeconds, Duration lifetime, byte[] secret) {
        return JWT.create().withClaim("username", username).withClaim("exp", nowSeconds + lifetime.toSeconds())
                .sign(Algorithm.HMAC256(secret));
    }

    /** Checks {@code token} against {@code secret} at {@code nowSeconds} (Unix seconds). Never throws. */
    public static Verdict verify(String token, byte[] secret, long nowSeconds) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Verdict.refused("token contains an invalid number of segments");
        }
        JsonNode header;
        JsonNode claims;
        try {
            header = GoJwtSegments.json(parts[0], "map[string]interface {}");
            claims = GoJwtSegments.json(parts[1], "jwt.MapClaims");
        } catch (GoJwtSegments.SegmentException e) {
            return Verdict.refused(e.getMessage());
        }
        JsonNode alg = header.get("alg");
        if (alg == null || !alg.isTextual()) {
            return Verdict.refused("signing method (alg) is unspecified.");
        }
        if (!KNOWN.contains(alg.asText())) {
            return Verdict.refused("signing method (alg) is unavailable.");
        }
        Algorithm hmac = hmac(alg.asText(), secret);
        if (hmac == null) {
            return Verdict.refused("unexpected signing method: " + alg.asText());
        }
        String error = timeClaimsError(claims, nowSeconds);
        try {
            if (!signatureValid(parts, hmac)) {
                error = "signature is invalid";
            }
        } catch (GoJwtSegments.SegmentException e) {
            error = e.getMessage();
        }
        if (error != null) {
            return Verdict.refused(error);
        }
        return influxClaims(claims);
    }

    private static Algorithm hmac(String alg, byte[] secret) {
        byte[] key = secret.length == 0 ? new byte[1] : secret; // an empty key is refused by the JDK; it never verifies
        return switch (alg) {
            case "HS256" -> Algorithm.HMAC256(key);
            case "HS384" -> Algorithm.HMAC384(key);
            case "HS512" -> Algorithm.HMAC512(key);
            default -> null;
        };
    }

    /** The library signs header.claims as they came; the comparison is constant-time. */
    private static boolean signatureValid(String[] parts, Algorithm hmac) throws GoJwtSegments.SegmentException {
        byte[] presented = GoJwtSegments.base64(parts[2]);
        byte[] expected = hmac.sign(parts[0].getBytes(StandardCharsets.US_ASCII),
                parts[1].getBytes(StandardCharsets.US_ASCII));
        return MessageDigest.isEqual(expected, presented);
    }

    /** jwt-go's {@code MapClaims.Valid}: exp, then iat, then nbf; the last failure's text wins. */
    private static String timeClaimsError(JsonNode claims, long now) {
        String error = null;
        JsonNode exp = claims.get("exp");
        if (exp != null && exp.isNumber() && now > (long) exp.asDouble()) {
            error = "Token is expired";
        }
        JsonNode iat = claims.get("iat");
        if (iat != null && iat.isNumber() && now < (long) iat.asDouble()) {
            error = "Token used before issued";
        }
        JsonNode nbf = claims.get("nbf");
        if (nbf != null && nbf.isNumber() && now < (long) nbf.asDouble()) {
            error = "Token is not valid yet";
        }
        return error;
    }

    /** InfluxDB's own checks after jwt-go accepted the token. */
    private static Verdict influxClaims(JsonNode claims) {
        JsonNode exp = claims.get("exp");
        if (exp == null || !exp.isNumber() || exp.asDouble() <= 0) {
            return Verdict.refused("token expiration required");
        }
        JsonNode username = claims.get("username");
        if (username == null || !username.isTextual()) {
            return Verdict.refused("username in token must be a string");
        }
        if (username.asText().isEmpty()) {
            return Verdict.refused("token must contain a username");
        }
        return new Verdict(username.asText(), null);
    }

}
