package io.shardline.ctl.verb;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.common.auth.JwtTokens;
import io.shardline.common.rpc.RpcCredentials;
import io.shardline.common.time.Clock;
import io.shardline.ctl.CtlRunner;
import io.shardline.meta.client.MetaClient;
import io.shardline.meta.client.MetaClientSettings;
import io.shardline.testkit.MetaCluster;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** shardline-ctl against a meta node with auth-enabled: -auth-type, -user, -pwd, -secret, token and the error lines. */
class CtlAuthTest {

    private static MetaCluster cluster;
    private static String bind;

    @BeforeAll
    static void start() {
        cluster = MetaCluster.start(1, Map.of("auth-enabled", "true", "internal-shared-secret", "\"inner\"",
                "shared-secret", "\"outer\""));
        bind = cluster.awaitLeader().apiAddress();
        try (MetaClient node = new MetaClient(MetaClientSettings.of(List.of(bind), null).withWatch(false),
                List.of(RpcCredentials.internalToken("test", "inner", Clock.system()))).start()) {
            node.changes().createUser("root", "pw", true);
        }
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static CtlRunner.Result ctl(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("-bind", bind, "-timeout", "5s"));
        all.addAll(List.of(args));
        return new CtlRunner().run(all.toArray(String[]::new));
    }

    @Test
    void authenticatesLikeInfluxdCtl() {
        assertThat(ctl("show").err()).isEqualTo("Error: unable to parse authentication credentials.\n");
        assertThat(ctl("-auth-type", "basic", "-user", "root", "-pwd", "bad", "show").err())
                .isEqualTo("Error: authorization failed.\n");
        assertThat(ctl("-auth-type", "jwt", "-user", "root", "-secret", "wrong", "show").err())
                .isEqualTo("Error: signature is invalid.\n");
        CtlRunner.Result basic = ctl("-auth-type", "basic", "-user", "root", "-pwd", "pw", "show");
        assertThat(basic.exitCode()).as("%s", basic).isZero();
        assertThat(basic.out()).contains("Meta Nodes");
        CtlRunner.Result jwt = ctl("-auth-type", "jwt", "-user", "root", "-secret", "outer", "show");
        assertThat(jwt.exitCode()).as("%s", jwt).isZero();
    }

    @Test
    void tokenVerbSignsWithTheSecretOnlyForBearerAuthentication() {
        CtlRunner.Result token = ctl("-auth-type", "jwt", "-user", "root", "-secret", "outer", "token", "-exp", "5m");
        assertThat(token.exitCode()).as("%s", token).isZero();
        JwtTokens.Verdict v = JwtTokens.verify(token.out().strip(), "outer".getBytes(StandardCharsets.UTF_8),
                System.currentTimeMillis() / 1000 + 200);
        assertThat(v.username()).isEqualTo("root");
        assertThat(ctl("token").err())
                .isEqualTo("Error: token: tokens can only be created when using bearer authentication\n");
        assertThat(ctl("-auth-type", "kerberos", "show").exitCode()).isEqualTo(2);
    }
}
