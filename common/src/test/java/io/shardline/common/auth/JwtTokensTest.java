package io.shardline.common.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Every refusal text as influxd 1.6.7 answered the same token (jwt-go 3.2 underneath). */
class JwtTokensTest {

    private static final byte[] SECRET = "s3cret".getBytes(StandardCharsets.UTF_8);
    private static final long NOW = 1_800_000_000L;

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String token(String header, String claims, String secret, String macAlg) throws Exception {
        String signing = b64(header) + "." + b64(claims);
        Mac mac = Mac.getInstance(macAlg);
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), macAlg));
        return signing + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(signing.getBytes(StandardCharsets.UTF_8)));
    }

    private static String hs256(String claims, String secret) throws Exception {
        return token("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", claims, secret, "HmacSHA256");
    }

    private static String verdict(String token) {
        JwtTokens.Verdict v = JwtTokens.verify(token, SECRET, NOW);
        return v.ok() ? "user " + v.username() : v.error();
    }

    @Test
    void acceptsEveryHmacAlgorithmWithUsernameAndExp() throws Exception {
        String claims = "{\"username\":\"admin\",\"exp\":" + (NOW + 60) + "}";
        assertThat(verdict(hs256(claims, "s3cret"))).isEqualTo("user admin");
        assertThat(verdict(token("{\"alg\":\"HS512\"}", claims, "s3cret", "HmacSHA512"))).isEqualTo("user admin");
        assertThat(verdict(JwtTokens.sign("bob", NOW, Duration.ofMinutes(1), SECRET))).isEqualTo("user bob");
    }

    @Test
    void refusesLikeInfluxDb() throws Exception {
        String user = "\"username\":\"admin\"";
        assertThat(verdict(hs256("{" + user + ",\"exp\":" + (NOW + 60) + "}", "wrong"))).isEqualTo("signature is invalid");
        assertThat(verdict(hs256("{" + user + ",\"exp\":" + (NOW - 60) + "}", "s3cret"))).isEqualTo("Token is expired");
        assertThat(verdict(hs256("{" + user + ",\"exp\":" + (NOW - 60) + "}", "wrong"))).isEqualTo("signature is invalid");
        assertThat(verdict(b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64("{" + user + ",\"exp\":" + (NOW + 60)
                + "}") + ".")).isEqualTo("unexpected signing method: none");
        assertThat(verdict(hs256("{" + user + "}", "s3cret"))).isEqualTo("token expiration required");
        assertThat(verdict(hs256("{" + user + ",\"exp\":\"x\"}", "s3cret"))).isEqualTo("token expiration required");
        assertThat(verdict(hs256("{\"exp\":" + (NOW + 60) + "}", "s3cret"))).isEqualTo("username in token must be a string");
        assertThat(verdict(hs256("{\"username\":5,\"exp\":" + (NOW + 60) + "}", "s3cret")))
                .isEqualTo("username in token must be a string");
        assertThat(verdict(hs256("{\"username\":\"\",\"exp\":" + (NOW + 60) + "}", "s3cret")))
                .isEqualTo("token must contain a username");
        assertThat(verdict(hs256("{" + user + ",\"exp\":" + (NOW + 60) + ",\"nbf\":" + (NOW + 100) + "}", "s3cret")))
                .isEqualTo("Token is not valid yet");
        String body = b64("{" + user + ",\"exp\":" + (NOW + 60) + "}");
        assertThat(verdict(b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + body + ".c2ln"))
                .isEqualTo("unexpected signing method: RS256");
        assertThat(verdict(b64("{\"typ\":\"JWT\"}") + "." + body + ".c2ln")).isEqualTo("signing method (alg) is unspecified.");
        assertThat(verdict(b64("{\"alg\":\"FOO\"}") + "." + body + ".c2ln")).isEqualTo("signing method (alg) is unavailable.");
        assertThat(verdict("abc.def")).isEqualTo("token contains an invalid number of segments");
        assertThat(verdict("a!b.c.d")).isEqualTo("illegal base64 data at input byte 1");
        assertThat(verdict(b64("hello") + "." + b64("{}") + ".x"))
                .isEqualTo("invalid character 'h' looking for beginning of value");
        assertThat(verdict(b64("[1]") + "." + b64("{}") + ".x"))
                .isEqualTo("json: cannot unmarshal array into Go value of type map[string]interface {}");
    }

    @Test
    void anEmptySecretVerifiesNothing() throws Exception {
        String t = hs256("{\"username\":\"a\",\"exp\":" + (NOW + 60) + "}", "s3cret");
        assertThat(JwtTokens.verify(t, new byte[0], NOW).error()).isEqualTo("signature is invalid");
    }
}
