package io.shardline.config.meta;

import static io.shardline.config.ConfigTypes.BOOLEAN;
import static io.shardline.config.ConfigTypes.DURATION;
import static io.shardline.config.ConfigTypes.INTEGER;
import static io.shardline.config.ConfigTypes.SIZE;
import static io.shardline.config.ConfigTypes.STRING;
import static io.shardline.config.ConfigTypes.STRING_LIST;

import io.shardline.common.net.HostPort;
import io.shardline.common.unit.ByteSize;
import io.shardline.config.Config;
import io.shardline.config.ConfigDef;
import io.shardline.config.ConfigKey;
import io.shardline.config.TlsEndpointConfig;
import io.shardline.config.Validators;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The meta node's {@code [meta]} section: Raft, the MetaService API, the status port and timing.
 * {@code peers} lists the Raft addresses of the initial members (read only on a first start).
 */
public record MetaConfig(Path dir, HostPort bindAddress, HostPort httpBindAddress, HostPort statusBindAddress,
                         Duration gossipFrequency, Duration announcementExpiration, boolean retentionAutocreate,
                         Duration electionTimeout, Duration heartbeatTimeout, Duration leaderLeaseTimeout,
                         Duration commitTimeout, Duration consensusTimeout, boolean clusterTracing,
                         boolean loggingEnabled, Duration leaseDuration, List<String> peers,
                         long snapshotThreshold, ByteSize logSegmentSize, boolean authEnabled,
                         String internalSharedSecret, String sharedSecret, TlsEndpointConfig https) {

    /** Never prints the secrets. */
    @Override
    public String toString() {
        return "MetaConfig[dir=" + dir + ", bindAddress=" + bindAddress + ", httpBindAddress=" + httpBindAddress
                + ", authEnabled=" + authEnabled + "]";
    }

    public MetaConfig {
        peers = List.copyOf(peers);
    }

    public static final String SECTION = "meta";

    public static final ConfigKey<String> DIR = ConfigKey.of(SECTION, "dir", STRING, "/var/lib/shardline/meta")
            .doc("Directory of the Raft log, snapshots and this node's identity.").validator(Validators.notBlank()).build();
    public static final ConfigKey<String> BIND_ADDRESS = ConfigKey.of(SECTION, "bind-address", STRING, ":8089")
            .doc("Address for Raft traffic between meta nodes.").validator(Validators.address()).build();
    public static final ConfigKey<String> HTTP_BIND_ADDRESS = ConfigKey.of(SECTION, "http-bind-address", STRING, ":8091")
            .doc("Address of the MetaService API (gRPC) used by data nodes and shardline-ctl.")
            .validator(Validators.address()).build();
    public static final ConfigKey<String> STATUS_BIND_ADDRESS = ConfigKey.of(SECTION, "status-bind-address", STRING, ":8092")
            .doc("Address of the HTTP status endpoints: /status (leader and peers), /show-cluster, /raft,"
                    + " /debug/vars, /metrics, /ping. HTTPS with https-enabled; with auth-enabled all but /ping"
                    + " need an admin once one exists.")
            .validator(Validators.address()).shardlineOnly().build();
    public static final ConfigKey<Duration> GOSSIP_FREQUENCY = ConfigKey.of(SECTION, "gossip-frequency", DURATION, Duration.ofSeconds(5))
            .doc("How often meta nodes announce themselves.").validator(Validators.atLeast(Duration.ofMillis(10), "10ms")).build();
    public static final ConfigKey<Duration> ANNOUNCEMENT_EXPIRATION = ConfigKey.of(SECTION, "announcement-expiration", DURATION,
                    Duration.ofSeconds(30))
            .doc("A node whose last announcement is older than this is shown without a version (not live).")
            .validator(Validators.atLeast(Duration.ofMillis(10), "10ms")).build();
    public static final ConfigKey<Boolean> RETENTION_AUTOCREATE = ConfigKey.of(SECTION, "retention-autocreate", BOOLEAN, true)
            .doc("Create the default retention policy autogen when a database is created.").build();
    public static final ConfigKey<Duration> ELECTION_TIMEOUT = ConfigKey.of(SECTION, "election-timeout", DURATION, Duration.ofSeconds(1))
            .doc("How long a candidate waits for votes before starting a new election.")
            .validator(Validators.atLeast(Duration.ofMillis(10), "10ms")).build();
    public static final ConfigKey<Duration> HEARTBEAT_TIMEOUT = ConfigKey.of(SECTION, "heartbeat-timeout", DURATION, Duration.ofSeconds(1))
            .doc("How long a follower goes without hearing from the leader before it starts an election.")
            .validator(Validators.atLeast(Duration.ofMillis(10), "10ms")).build();
    public static final ConfigKey<Duration> LEADER_LEASE_TIMEOUT = ConfigKey.of(SECTION, "leader-lease-timeout", DURATION,
                    Duration.ofMillis(500))
            .doc("The leader steps down if it cannot reach a majority for this long.")
            .validator(Validators.atLeast(Duration.ofMillis(10), "10ms")).build();
    public static final ConfigKey<Duration> COMMIT_TIMEOUT = ConfigKey.of(SECTION, "commit-timeout", DURATION, Duration.ofMillis(50))
            .doc("Longest delay before the leader sends pending log entries to followers.")
            .validator(Validators.atLeast(Duration.ofMillis(1), "1ms")).build();
    public static final ConfigKey<Duration> CONSENSUS_TIMEOUT = ConfigKey.of(SECTION, "consensus-timeout", DURATION, Duration.ofSeconds(30))
            .doc("How long a metadata change waits for the Raft cluster to commit it before failing.")
            .validator(Validators.atLeast(Duration.ofMillis(10), "10ms")).build();
    public static final ConfigKey<Boolean> CLUSTER_TRACING = ConfigKey.of(SECTION, "cluster-tracing", BOOLEAN, false)
            .doc("Log every MetaService request.").build();
    public static final ConfigKey<Boolean> LOGGING_ENABLED = ConfigKey.of(SECTION, "logging-enabled", BOOLEAN, true)
            .doc("Log metadata changes and Raft role changes.").build();
    public static final ConfigKey<Duration> LEASE_DURATION = ConfigKey.of(SECTION, "lease-duration", DURATION, Duration.ofMinutes(1))
            .doc("How long a lease granted to a data node lasts.")
            .validator(Validators.atLeast(Duration.ofMillis(10), "10ms")).build();

    public static final ConfigKey<List<String>> PEERS = ConfigKey.of(SECTION, "peers", STRING_LIST, List.<String>of())
            .doc("Raft addresses ([meta] bind-address, as the other meta nodes reach them) of the initial members"
                    + " of a new meta cluster, this node included. Read only on the first start, when the Raft"
                    + " storage under [meta] dir is empty: the node then starts the Raft group with exactly these"
                    + " members. Afterwards membership lives in the Raft log and this key is ignored. Empty: the"
                    + " node starts un-joined and waits to be added with shardline-ctl add-meta.")
            .validator(Validators.addressList()).shardlineOnly().build();
    public static final ConfigKey<Long> SNAPSHOT_THRESHOLD = ConfigKey.of(SECTION, "snapshot-threshold", INTEGER, 8192L)
            .doc("Number of Raft log entries after which the meta node writes a snapshot of the metadata; log"
                    + " segments older than the snapshot are then deleted.")
            .validator(Validators.atLeast(1)).shardlineOnly().build();
    public static final ConfigKey<ByteSize> LOG_SEGMENT_SIZE = ConfigKey.of(SECTION, "log-segment-size", SIZE,
                    ByteSize.ofBytes(8L << 20))
            .doc("Largest size of one Raft log segment file. Only closed segments are deleted after a snapshot.")
            .validator(Validators.sizeAtLeast(1024)).shardlineOnly().build();

    public static final ConfigKey<Boolean> AUTH_ENABLED = ConfigKey.of(SECTION, "auth-enabled", BOOLEAN, false)
            .doc("Authenticate every call to the MetaService: other nodes with a token signed with"
                    + " internal-shared-secret, shardline-ctl with an admin user (Basic) or a JWT signed with"
                    + " shared-secret; the status port's routes but /ping an admin once one exists."
                    + " Needs internal-shared-secret; the node refuses to start without it.").build();
    public static final ConfigKey<String> INTERNAL_SHARED_SECRET = ConfigKey.of(SECTION, "internal-shared-secret",
                    STRING, "")
            .doc("Secret that signs the short-lived tokens between nodes; the same on every meta node and as"
                    + " [meta] meta-internal-shared-secret on every data node.").secret().build();
    public static final ConfigKey<String> SHARED_SECRET = ConfigKey.of(SECTION, "shared-secret", STRING, "")
            .doc("Secret that signs users' JWTs for the MetaService (shardline-ctl -auth-type jwt -secret);"
                    + " empty refuses such tokens.").secret().build();

    public static final ConfigKey<Boolean> HTTPS_ENABLED = ConfigKey.of(SECTION, "https-enabled", BOOLEAN, false)
            .doc("TLS for the MetaService (http-bind-address), HTTPS for the status port (status-bind-address)"
                    + " and mutual TLS for Raft (bind-address): meta nodes"
                    + " present https-certificate to each other and accept as Raft peers only nodes whose certificate"
                    + " [tls] ca-certificate signed. Data nodes then need [meta] meta-tls-enabled, shardline-ctl"
                    + " -bind-tls.").build();
    public static final ConfigKey<String> HTTPS_CERTIFICATE = ConfigKey.of(SECTION, "https-certificate", STRING, "")
            .doc("PEM certificate chain of this meta node (MetaService and Raft); may also hold the private key.").build();
    public static final ConfigKey<String> HTTPS_PRIVATE_KEY = ConfigKey.of(SECTION, "https-private-key", STRING, "")
            .doc("PEM private key; empty: the key is in https-certificate.").build();
    public static final ConfigKey<Boolean> HTTPS_INSECURE_TLS = ConfigKey.of(SECTION, "https-insecure-tls", BOOLEAN, false)
            .doc("Accept any certificate from other meta nodes, on the MetaService and on Raft (no verification,"
                    + " so any TLS client may join Raft; testing only).").build();

    static void declare(ConfigDef.Builder b) {
        b.keys(DIR, BIND_ADDRESS, HTTP_BIND_ADDRESS, STATUS_BIND_ADDRESS, GOSSIP_FREQUENCY, ANNOUNCEMENT_EXPIRATION,
                RETENTION_AUTOCREATE, ELECTION_TIMEOUT, HEARTBEAT_TIMEOUT, LEADER_LEASE_TIMEOUT, COMMIT_TIMEOUT,
                CONSENSUS_TIMEOUT, CLUSTER_TRACING, LOGGING_ENABLED, LEASE_DURATION, PEERS, SNAPSHOT_THRESHOLD,
                LOG_SEGMENT_SIZE, AUTH_ENABLED, INTERNAL_SHARED_SECRET, SHARED_SECRET, HTTPS_ENABLED, HTTPS_CERTIFICATE,
                HTTPS_PRIVATE_KEY, HTTPS_INSECURE_TLS);
        b.ignoreAll(SECTION, "Shardline meta nodes never call data nodes", "data-use-tls", "data-insecure-tls");
        b.ignoreAll(SECTION, "not used by Shardline", "https-insecure-certificate", "ldap-allowed", "password-hash", "ensure-fips", "raft-portal-auth-required",
                "raft-dialer-auth-required", "pprof-enabled");
    }

    public static MetaConfig from(Config c) {
        return new MetaConfig(Path.of(c.get(DIR)), HostPort.parse(c.get(BIND_ADDRESS)), HostPort.parse(c.get(HTTP_BIND_ADDRESS)),
                HostPort.parse(c.get(STATUS_BIND_ADDRESS)), c.get(GOSSIP_FREQUENCY), c.get(ANNOUNCEMENT_EXPIRATION),
                c.get(RETENTION_AUTOCREATE), c.get(ELECTION_TIMEOUT), c.get(HEARTBEAT_TIMEOUT), c.get(LEADER_LEASE_TIMEOUT),
                c.get(COMMIT_TIMEOUT), c.get(CONSENSUS_TIMEOUT), c.get(CLUSTER_TRACING), c.get(LOGGING_ENABLED),
                c.get(LEASE_DURATION), c.get(PEERS), c.get(SNAPSHOT_THRESHOLD), c.get(LOG_SEGMENT_SIZE),
                c.get(AUTH_ENABLED), c.get(INTERNAL_SHARED_SECRET), c.get(SHARED_SECRET),
                new TlsEndpointConfig("[meta] ", c.get(HTTPS_ENABLED), c.get(HTTPS_CERTIFICATE), c.get(HTTPS_PRIVATE_KEY),
                        c.get(HTTPS_INSECURE_TLS)));
    }
}
