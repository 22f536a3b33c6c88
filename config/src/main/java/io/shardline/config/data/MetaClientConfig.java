package io.shardline.config.data;

import static io.shardline.config.ConfigTypes.BOOLEAN;
import static io.shardline.config.ConfigTypes.STRING;
import static io.shardline.config.ConfigTypes.STRING_LIST;

import io.shardline.config.Config;
import io.shardline.config.ConfigDef;
import io.shardline.config.ConfigKey;
import io.shardline.config.Validators;
import java.nio.file.Path;
import java.util.List;

/** The data node's {@code [meta]} section: how the data node keeps and reaches the cluster metadata. */
public record MetaClientConfig(Path dir, boolean loggingEnabled, List<String> metaServers,
                               boolean metaAuthEnabled, String metaInternalSharedSecret,
                               boolean metaTlsEnabled, boolean metaInsecureTls) {

    public MetaClientConfig {
        metaServers = List.copyOf(metaServers);
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "MetaClientConfig[dir=" + dir + ", metaServers=" + metaServers + ", metaAuthEnabled=" + metaAuthEnabled
                + "]";
    }

    public static final String SECTION = "meta";

    public static final ConfigKey<String> DIR = ConfigKey.of(SECTION, "dir", STRING, "/var/lib/shardline/meta")
            .doc("Where the data node keeps its node id, the meta servers it knows and its cached copy of the cluster"
                    + " metadata, so it can keep serving while the meta nodes are unreachable.")
            .validator(Validators.notBlank()).build();
    public static final ConfigKey<Boolean> LOGGING_ENABLED = ConfigKey.of(SECTION, "logging-enabled", BOOLEAN, true)
            .doc("Log the meta client's activity (leader changes, retries, metadata updates).").build();

    public static final ConfigKey<List<String>> META_SERVERS = ConfigKey.of(SECTION, "meta-servers", STRING_LIST,
                    List.<String>of())
            .doc("MetaService addresses ([meta] http-bind-address of the meta nodes) this data node registers"
                    + " with on start. It keeps the node id it is given and the meta servers it learns under"
                    + " [meta] dir, so a restart keeps its id. Empty: the node waits to be added with"
                    + " shardline-ctl add-data.")
            .validator(Validators.addressList()).shardlineOnly().build();

    public static final ConfigKey<Boolean> META_AUTH_ENABLED = ConfigKey.of(SECTION, "meta-auth-enabled", BOOLEAN, false)
            .doc("The meta nodes run with [meta] auth-enabled: every gRPC call this node makes (to meta and data"
                    + " nodes) carries a short-lived token signed with meta-internal-shared-secret, and its own gRPC"
                    + " service accepts only such calls (or an admin user's, from shardline-ctl).").build();
    public static final ConfigKey<String> META_INTERNAL_SHARED_SECRET = ConfigKey.of(SECTION,
                    "meta-internal-shared-secret", STRING, "")
            .doc("The meta nodes' [meta] internal-shared-secret.").secret().build();

    public static final ConfigKey<Boolean> META_TLS_ENABLED = ConfigKey.of(SECTION, "meta-tls-enabled", BOOLEAN, false)
            .doc("Reach the meta nodes' MetaService over TLS (they run with [meta] https-enabled); their"
                    + " certificates are verified against [tls] ca-certificate.").build();
    public static final ConfigKey<Boolean> META_INSECURE_TLS = ConfigKey.of(SECTION, "meta-insecure-tls", BOOLEAN, false)
            .doc("Accept any certificate from the meta nodes (no verification; testing only).").build();

    static void declare(ConfigDef.Builder b) {
        b.keys(DIR, LOGGING_ENABLED, META_SERVERS, META_AUTH_ENABLED, META_INTERNAL_SHARED_SECRET, META_TLS_ENABLED,
                META_INSECURE_TLS);
        b.ignore(SECTION, "retention-autocreate", "set it on the meta nodes, where databases are created", false);
        b.ignoreAll(SECTION, "not used by Shardline", "password-hash", "ensure-fips");
    }

    public static MetaClientConfig from(Config c) {
        return new MetaClientConfig(Path.of(c.get(DIR)), c.get(LOGGING_ENABLED), c.get(META_SERVERS),
                c.get(META_AUTH_ENABLED), c.get(META_INTERNAL_SHARED_SECRET), c.get(META_TLS_ENABLED),
                c.get(META_INSECURE_TLS));
    }
}
