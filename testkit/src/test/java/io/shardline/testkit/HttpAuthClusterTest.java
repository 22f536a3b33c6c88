package io.shardline.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.common.auth.JwtTokens;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code [http] auth-enabled} on a real cluster (one meta node, two data nodes): the bootstrap rule, every
 * credential form, 1.x's statuses, bodies and headers, privileges on /write, /query and the admin routes,
 * and user changes made through one data node taking effect on the other at once. Texts checked against
 * influxd 1.6.7 with auth on.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HttpAuthClusterTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ShardlineCluster cluster;

    @BeforeAll
    static void start() {
        cluster = ShardlineCluster.start(1, 2, Map.of("http.auth-enabled", "true", "http.shared-secret", "\"s3cret\""));
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private record Answer(int status, String body, HttpResponse<String> raw) {
    }

    private static Answer query(int node, String auth, String q) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(cluster.data(node).url() + "/query?db=db"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)));
        return send(b, auth);
    }

    private static Answer write(int node, String auth, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(cluster.data(node).url() + "/write?db=db"))
                .POST(HttpRequest.BodyPublishers.ofString(body)), auth);
    }

    private static Answer get(int node, String auth, String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(cluster.data(node).url() + path)), auth);
    }

    private static Answer send(HttpRequest.Builder b, String auth) throws Exception {
        if (auth != null) {
            b.header("Authorization", auth);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body(), r);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @Order(1)
    void locksTheClusterDownLikeOneX() throws Exception {
        // bootstrap: nothing but creating an admin
        Answer refused = query(0, null, "SHOW DATABASES");
        assertThat(refused.status).isEqualTo(403);
        assertThat(refused.body).isEqualTo("{\"error\":\"error authorizing query: create admin user first or disable "
                + "authentication\"}\n");
        assertThat(query(0, null, "CREATE USER root WITH PASSWORD 'pw' WITH ALL PRIVILEGES").body)
                .isEqualTo("{\"results\":[{\"statement_id\":0}]}\n");
        String root = basic("root", "pw");
        // credentials from now on
        Answer none = query(0, null, "SHOW DATABASES");
        assertThat(none.status).isEqualTo(401);
        assertThat(none.body).isEqualTo("{\"error\":\"unable to parse authentication credentials\"}\n");
        assertThat(none.raw.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"InfluxDB\"");
        assertThat(none.raw.headers().firstValue("X-Influxdb-Version")).isPresent();
        assertThat(query(0, basic("root", "bad"), "SHOW DATABASES").body).isEqualTo("{\"error\":\"authorization failed\"}\n");
        assertThat(query(0, basic("", "pw"), "SHOW DATABASES").body).isEqualTo("{\"error\":\"username required\"}\n");
        assertThat(query(0, "Basic cm9vdDp", "SHOW DATABASES").body)
                .isEqualTo("{\"error\":\"unable to parse authentication credentials\"}\n");
        assertThat(query(0, root, "CREATE DATABASE db; CREATE DATABASE other; CREATE USER reader WITH PASSWORD 'r'; "
                + "GRANT READ ON db TO reader; CREATE USER writer WITH PASSWORD 'w'; GRANT WRITE ON db TO writer").status)
                .isEqualTo(200);
        cluster.awaitViewsConverged();
        // privileges, on the other data node too
        assertThat(write(1, basic("writer", "w"), "m v=1").status).isEqualTo(204);
        Answer readerWrite = write(1, basic("reader", "r"), "m v=2");
        assertThat(readerWrite.status).isEqualTo(403);
        assertThat(readerWrite.body).isEqualTo("{\"error\":\"\\\"reader\\\" user is not authorized to write to database "
                + "\\\"db\\\"\"}\n");
        assertThat(query(1, basic("reader", "r"), "SELECT v FROM m").body).contains("\"values\":[[");
        assertThat(query(1, basic("writer", "w"), "SELECT v FROM m").body).isEqualTo("{\"error\":\"error authorizing "
                + "query: writer not authorized to execute statement 'SELECT v FROM m', requires READ on db\"}\n");
        assertThat(query(1, basic("reader", "r"), "SHOW DATABASES").body).isEqualTo("{\"results\":[{\"statement_id\":0,"
                + "\"series\":[{\"name\":\"databases\",\"columns\":[\"name\"],\"values\":[[\"db\"]]}]}]}\n");
        assertThat(query(1, basic("reader", "r"), "SHOW USERS").body).contains("requires admin privilege");
        assertThat(query(0, root, "SHOW USERS").body).isEqualTo("{\"results\":[{\"statement_id\":0,\"series\":[{\"columns\":"
                + "[\"user\",\"admin\"],\"values\":[[\"root\",true],[\"reader\",false],[\"writer\",false]]}]}]}\n");
        assertThat(query(0, root, "SHOW GRANTS FOR reader").body).isEqualTo("{\"results\":[{\"statement_id\":0,\"series\":"
                + "[{\"columns\":[\"database\",\"privilege\"],\"values\":[[\"db\",\"READ\"]]}]}]}\n");
        // other credential forms
        assertThat(query(1, "Token reader:r", "SELECT v FROM m").status).isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(URI.create(cluster.data(1).url() + "/query?u=reader&p=r&db=db&q=SHOW"
                + "+DATABASES")), null).status).isEqualTo(200);
        long now = System.currentTimeMillis() / 1000;
        String jwt = JwtTokens.sign("reader", now, Duration.ofMinutes(1), "s3cret".getBytes(StandardCharsets.UTF_8));
        assertThat(query(1, "Bearer " + jwt, "SELECT v FROM m").status).isEqualTo(200);
        String expired = JwtTokens.sign("reader", now - 120, Duration.ofMinutes(1), "s3cret".getBytes(StandardCharsets.UTF_8));
        assertThat(query(1, "Bearer " + expired, "SELECT v FROM m").body).isEqualTo("{\"error\":\"Token is expired\"}\n");
        String wrong = JwtTokens.sign("reader", now, Duration.ofMinutes(1), "other".getBytes(StandardCharsets.UTF_8));
        assertThat(query(1, "Bearer " + wrong, "SELECT v FROM m").body).isEqualTo("{\"error\":\"signature is invalid\"}\n");
        // admin routes and open routes
        assertThat(get(0, basic("reader", "r"), "/shard-status").body).isEqualTo("{\"error\":\"error authorizing admin access\"}\n");
        assertThat(get(0, root, "/shard-status").status).isEqualTo(200);
        assertThat(get(0, null, "/ping").status).isEqualTo(204);
        assertThat(get(0, null, "/debug/vars").body).contains("\"authFail\":");
        // a password change and a drop take effect at once on every node
        query(0, root, "SET PASSWORD FOR reader = 'r2'");
        cluster.awaitViewsConverged();
        assertThat(query(1, basic("reader", "r"), "SELECT v FROM m").status).isEqualTo(401);
        assertThat(query(1, basic("reader", "r2"), "SELECT v FROM m").status).isEqualTo(200);
        query(0, root, "DROP USER reader");
        cluster.awaitViewsConverged();
        assertThat(query(1, basic("reader", "r2"), "SELECT v FROM m").body).isEqualTo("{\"error\":\"authorization failed\"}\n");
        assertThat(query(1, "Bearer " + jwt, "SELECT v FROM m").body).isEqualTo("{\"error\":\"user not found\"}\n");
    }

    @Test
    @Order(2)
    void aFloodOfFailedLoginsNeitherCrashesNorLocksOutTheRightUser() throws Exception {
        awaitRootExists();
        for (int i = 0; i < 200; i++) {
            assertThat(query(0, basic("root", "wrong" + (i % 5)), "SHOW DATABASES").status).isEqualTo(401);
        }
        assertThat(query(0, basic("root", "x".repeat(10_240)), "SHOW DATABASES").status).isEqualTo(401);
        assertThat(query(0, "Basic " + Base64.getEncoder().encodeToString(new byte[] {(byte) 0xe9, 't', ':', 'p'}),
                "SHOW DATABASES").body).isEqualTo("{\"error\":\"authorization failed\"}\n");
        assertThat(query(0, basic("root", "pw"), "SHOW DATABASES").status).isEqualTo(200);
    }

    private static void awaitRootExists() throws Exception {
        if (query(0, null, "CREATE USER root WITH PASSWORD 'pw' WITH ALL PRIVILEGES").status == 200) {
            cluster.awaitViewsConverged();
        }
    }
}
