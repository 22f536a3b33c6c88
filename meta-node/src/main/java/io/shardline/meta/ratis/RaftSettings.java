package io.shardline.meta.ratis;

import io.shardline.common.net.HostPort;
import io.shardline.config.meta.MetaConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.RaftConfigKeys;
import org.apache.ratis.client.RaftClientConfigKeys;
import org.apache.ratis.conf.Parameters;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.grpc.GrpcTlsConfig;
import io.shardline.common.tls.TlsMaterial;
import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;
import org.apache.ratis.grpc.GrpcConfigKeys;
import org.apache.ratis.retry.RetryPolicies;
import org.apache.ratis.retry.RetryPolicy;
import org.apache.ratis.rpc.SupportedRpcType;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.apache.ratis.thirdparty.io.netty.handler.ssl.SslProvider;
import org.apache.ratis.util.SizeInBytes;
import org.apache.ratis.util.TimeDuration;

/**
 * The one place where {@code [meta]} settings become Ratis properties. Stateless.
 *
 * <p>Timing. InfluxDB Enterprise runs HashiCorp Raft; its four timeouts map onto Ratis like this:
 * <table>
 * <caption>[meta] key to Ratis property</caption>
 * <tr><th>[meta] key (default)</th><th>Ratis</th><th>why</th></tr>
 * <tr><td>heartbeat-timeout (1s)</td><td>{@code raft.server.rpc.timeout.min}</td><td>a follower that hears
 * nothing from the leader for a random time in [min, max] starts an election; the leader sends heartbeats
 * every min/2, so it is also what the leader's heartbeat rate follows</td></tr>
 * <tr><td>election-timeout (1s)</td><td>{@code raft.server.rpc.timeout.max} = heartbeat-timeout +
 * election-timeout / 2</td><td>Ratis has one randomized range for followers and candidates; HashiCorp
 * randomizes in [timeout, 2 * timeout]. Half of election-timeout keeps the worst-case failover of a
 * 3-node cluster within about 2 s with the defaults while still spreading candidates apart</td></tr>
 * <tr><td>leader-lease-timeout (500ms)</td><td>{@code raft.server.read.leader.lease.timeout.ratio} =
 * lease / heartbeat-timeout (at most 1)</td><td>the leader answers linearizable reads from memory only
 * while a majority acknowledged it within the lease; Ratis itself steps a leader down after
 * {@code rpc.timeout.max} without a majority (not separately configurable)</td></tr>
 * <tr><td>commit-timeout (50ms)</td><td>{@code raft.server.log.appender.wait-time.min}, at most 10 ms
 * </td><td>the longest the leader holds new entries back to batch them; HashiCorp sends new entries at
 * once and uses commit-timeout only to propagate the commit index, so the cap keeps a single metadata
 * write at a few milliseconds</td></tr>
 * <tr><td>consensus-timeout (30s)</td><td>{@code raft.server.read.timeout} and the submitting
 * client's retry budget</td><td>how long a change or a read waits for the cluster</td></tr>
 * </table>
 *
 * <p>Storage: the Raft log and snapshots live under {@code [meta] dir}; log segments are
 * {@code [meta] log-segment-size}; a snapshot is taken every {@code [meta] snapshot-threshold}
 * entries, after which the log up to the snapshot is purged and two snapshots are kept.
 */
public final class RaftSettings {

    /** The cap on the appender's batching wait (see the class comment). */
    static final Duration MAX_APPENDER_WAIT = Duration.ofMillis(10);
    /** How long the leader waits for a follower's answer to one append before it restarts the stream. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);

    private RaftSettings() {
    }

    /** The election timeout range [min, max] derived from the config. */
    public static TimeDuration[] electionRange(MetaConfig meta) {
        long min = meta.heartbeatTimeout().toMillis();
        long max = min + Math.max(1, meta.electionTimeout().toMillis() / 2);
        return new TimeDuration[] {ms(min), ms(max)};
    }

    /** The Ratis properties of a meta node whose Raft server listens on {@code raftBind}. */
    public static RaftProperties properties(MetaConfig meta, HostPort raftBind, Path storageDir) {
        RaftProperties p = new RaftProperties();
        RaftConfigKeys.Rpc.setType(p, SupportedRpcType.GRPC);
        GrpcConfigKeys.Server.setPort(p, raftBind.port());
        if (!raftBind.isWildcard()) {
            GrpcConfigKeys.Server.setHost(p, raftBind.host());
        }
        RaftServerConfigKeys.setStorageDir(p, List.of(storageDir.toFile()));
        // Heartbeats share the append connection, so a connection that lost its packets shows up as a
        // silent follower (FollowerLinks resets it) instead of hiding behind a healthy heartbeat channel.
        GrpcConfigKeys.Server.setHeartbeatChannel(p, false);
        RaftServerConfigKeys.Rpc.setRequestTimeout(p, ms(REQUEST_TIMEOUT.toMillis()));
        timing(p, meta);
        storage(p, meta);
        return p;
    }

    private static void timing(RaftProperties p, MetaConfig meta) {
        TimeDuration[] range = electionRange(meta);
        RaftServerConfigKeys.Rpc.setTimeoutMin(p, range[0]);
        RaftServerConfigKeys.Rpc.setTimeoutMax(p, range[1]);
        double ratio = Math.min(1.0, (double) meta.leaderLeaseTimeout().toMillis() / range[0].toLong(TimeUnit.MILLISECONDS));
        RaftServerConfigKeys.Read.setOption(p, RaftServerConfigKeys.Read.Option.LINEARIZABLE);
        RaftServerConfigKeys.Read.setLeaderLeaseEnabled(p, true);
        RaftServerConfigKeys.Read.setLeaderLeaseTimeoutRatio(p, Math.max(0.01, ratio));
        RaftServerConfigKeys.Read.setTimeout(p, ms(meta.consensusTimeout().toMillis()));
        long wait = Math.min(meta.commitTimeout().toMillis(), MAX_APPENDER_WAIT.toMillis());
        RaftServerConfigKeys.Log.Appender.setWaitTimeMin(p, ms(Math.max(0, wait)));
        // No-leader notifications and staging follow the election timing rather than Ratis's 60 s defaults.
        RaftServerConfigKeys.Notification.setNoLeaderTimeout(p, ms(range[1].toLong(TimeUnit.MILLISECONDS) * 3));
    }

    private static void storage(RaftProperties p, MetaConfig meta) {
        SizeInBytes segment = SizeInBytes.valueOf(meta.logSegmentSize().bytes());
        RaftServerConfigKeys.Log.setSegmentSizeMax(p, segment);
        RaftServerConfigKeys.Log.setPreallocatedSize(p, SizeInBytes.valueOf(Math.min(meta.logSegmentSize().bytes(),
                4L << 20)));
        // Metadata entries are small: 1 MiB batches, and a write buffer that must exceed them.
        RaftServerConfigKeys.Log.Appender.setBufferByteLimit(p, SizeInBytes.valueOf(1L << 20));
        RaftServerConfigKeys.Log.setWriteBufferSize(p, SizeInBytes.valueOf((1L << 20) + (64L << 10)));
        RaftServerConfigKeys.Log.setPurgeUptoSnapshotIndex(p, true);
        RaftServerConfigKeys.Log.setPurgeGap(p, (int) Math.min(Integer.MAX_VALUE, meta.snapshotThreshold()));
        RaftServerConfigKeys.Snapshot.setAutoTriggerEnabled(p, true);
        RaftServerConfigKeys.Snapshot.setAutoTriggerThreshold(p, meta.snapshotThreshold());
        RaftServerConfigKeys.Snapshot.setCreationGap(p, meta.snapshotThreshold());
        RaftServerConfigKeys.Snapshot.setRetentionFileNum(p, 2);
    }

    /**
     * Properties of the Ratis client a meta node submits with: one attempt waits at most the upper
     * election timeout plus half a second, so a request stuck on a paused leader moves on once a new
     * leader may exist.
     */
    public static RaftProperties clientProperties(MetaConfig meta) {
        RaftProperties p = new RaftProperties();
        RaftConfigKeys.Rpc.setType(p, SupportedRpcType.GRPC);
        long attempt = electionRange(meta)[1].toLong(TimeUnit.MILLISECONDS) + 500;
        RaftClientConfigKeys.Rpc.setRequestTimeout(p, ms(attempt));
        RaftClientConfigKeys.Rpc.setWatchRequestTimeout(p, ms(attempt));
        return p;
    }

    /** Retries with a fixed sleep for as long as {@code [meta] consensus-timeout} allows. */
    public static RetryPolicy retryPolicy(MetaConfig meta, Duration sleep) {
        int attempts = (int) Math.max(1, Math.min(10_000, meta.consensusTimeout().toMillis() / sleep.toMillis()));
        return RetryPolicies.retryUpToMaximumCountWithFixedSleep(attempts, ms(sleep.toMillis()));
    }

    /**
     * How long the leader waits for any answer from a follower before it drops the connection and
     * dials again (see {@link FollowerLinks}): twice the upper election timeout, at least 3 s.
     */
    public static Duration stallAfter(MetaConfig meta) {
        return Duration.ofMillis(Math.max(3000, 2 * electionRange(meta)[1].toLong(TimeUnit.MILLISECONDS)));
    }

    /**
     * The Ratis parameters: with {@code tls}, mutual TLS for the Raft server, the admin and client
     * services on the same port, and this node's Raft clients (peers and clients must present a
     * certificate the {@code [tls]} CAs signed, so no unauthenticated peer joins the group), with the
     * {@code [tls]} versions and ciphers.
     */
    public static Parameters parameters(TlsMaterial tls) {
        Parameters parameters = new Parameters();
        if (tls != null) {
            KeyManager key = tls.keyManagers().getKeyManagers()[0];
            TrustManager trust = tls.trustManagers().getTrustManagers()[0];
            // the JDK provider and [tls]'s versions and ciphers, as on the node's other TLS ports
            GrpcTlsConfig.Builder b = GrpcTlsConfig.newBuilder().setKeyManager(key).setTrustManager(trust)
                    .setMutualTls(true).setSslProvider(SslProvider.JDK).setProtocols(tls.protocols());
            if (!tls.ciphers().isEmpty()) {
                b.setCipherSuites(tls.ciphers());
            }
            GrpcConfigKeys.TLS.setConf(parameters, b.build());
        }
        return parameters;
    }

    private static TimeDuration ms(long millis) {
        return TimeDuration.valueOf(millis, TimeUnit.MILLISECONDS);
    }
}
