package io.shardline.config.data;

import static io.shardline.config.ConfigTypes.BOOLEAN;
import static io.shardline.config.ConfigTypes.INTEGER;
import static io.shardline.config.ConfigTypes.SIZE;
import static io.shardline.config.ConfigTypes.STRING;
import static io.shardline.config.ConfigTypes.STRING_LIST;

import io.shardline.common.http.StatusFilter;
import io.shardline.common.net.HostPort;
import io.shardline.common.unit.ByteSize;
import io.shardline.config.Config;
import io.shardline.config.ConfigDef;
import io.shardline.config.ConfigKey;
import io.shardline.config.TlsEndpointConfig;
import io.shardline.config.Validators;
import java.util.List;

/** The data node's {@code [http]} section: the public InfluxDB 1.x HTTP API. */
public record HttpConfig(boolean enabled, HostPort bindAddress, boolean logEnabled, boolean suppressWriteLog,
                         boolean writeTracing, long maxBodySize, long maxRowLimit, boolean authEnabled, String realm,
                         String sharedSecret, boolean pprofAuthEnabled, boolean pingAuthEnabled,
                         HttpLimitsConfig limits, String accessLogPath, List<StatusFilter> accessLogStatusFilters,
                         TlsEndpointConfig https) {

    /** Never prints the shared secret. */
    @Override
    public String toString() {
        return "HttpConfig[bindAddress=" + bindAddress + ", authEnabled=" + authEnabled + "]";
    }

    public static final String SECTION = "http";

    public static final ConfigKey<Boolean> ENABLED = ConfigKey.of(SECTION, "enabled", BOOLEAN, true)
            .doc("Serve the HTTP API (/ping, /write, /query, /shard-repair, /debug/vars).").build();
    public static final ConfigKey<String> BIND_ADDRESS = ConfigKey.of(SECTION, "bind-address", STRING, ":8086")
            .doc("Address of the public HTTP API.").validator(Validators.address()).build();
    public static final ConfigKey<Boolean> LOG_ENABLED = ConfigKey.of(SECTION, "log-enabled", BOOLEAN, true)
            .doc("Write the HTTP access log: one line per request in 1.x's format (common log format plus referrer,"
                    + " user agent, request id and microseconds), to standard error with an \"[httpd] \" prefix"
                    + " unless access-log-path is set.").build();
    public static final ConfigKey<Boolean> SUPPRESS_WRITE_LOG = ConfigKey.of(SECTION, "suppress-write-log", BOOLEAN, false)
            .doc("Leave /write requests out of the access log.").build();
    public static final ConfigKey<Boolean> WRITE_TRACING = ConfigKey.of(SECTION, "write-tracing", BOOLEAN, false)
            .doc("Log the body of every write request (\"Write body received by handler\"); very verbose.").build();
    public static final ConfigKey<String> ACCESS_LOG_PATH = ConfigKey.of(SECTION, "access-log-path", STRING, "")
            .doc("File the access log is appended to (without the \"[httpd] \" prefix); empty means standard error."
                    + " If it cannot be opened the log falls back to standard error.").build();
    public static final ConfigKey<List<String>> ACCESS_LOG_STATUS_FILTERS = ConfigKey.of(SECTION,
                    "access-log-status-filters", STRING_LIST, List.of())
            .doc("Log only responses whose status matches one of these filters, e.g. [\"4xx\", \"5xx\"];"
                    + " empty logs every request.").validator(HttpConfig::checkFilters).build();
    public static final ConfigKey<ByteSize> MAX_BODY_SIZE = ConfigKey.of(SECTION, "max-body-size", SIZE, ByteSize.ofBytes(25_000_000))
            .doc("Largest accepted request body in bytes, judged by Content-Length and while reading, and for gzip"
                    + " bodies also after decompression; larger requests get 413. 0 means no limit.").build();
    public static final ConfigKey<Long> MAX_ROW_LIMIT = ConfigKey.of(SECTION, "max-row-limit", INTEGER, 0L)
            .doc("Most rows a non-chunked query returns (the result is marked partial). 0 means no limit.")
            .validator(Validators.atLeast(0)).build();

    public static final ConfigKey<Boolean> AUTH_ENABLED = ConfigKey.of(SECTION, "auth-enabled", BOOLEAN, false)
            .doc("Require a user for /write, /query and the admin routes (u/p parameters, Basic, Token user:password"
                    + " or a Bearer JWT). Until an admin user exists only creating one is allowed.").build();
    public static final ConfigKey<String> REALM = ConfigKey.of(SECTION, "realm", STRING, "InfluxDB")
            .doc("Realm named in the WWW-Authenticate header of 401 answers.").build();
    public static final ConfigKey<String> SHARED_SECRET = ConfigKey.of(SECTION, "shared-secret", STRING, "")
            .doc("Secret that signs user JWTs (Authorization: Bearer, HS256/384/512 with username and exp claims);"
                    + " empty disables Bearer authentication.").secret().build();
    public static final ConfigKey<Boolean> PPROF_AUTH_ENABLED = ConfigKey.of(SECTION, "pprof-auth-enabled", BOOLEAN, false)
            .doc("With auth-enabled, /debug/* (/debug/vars) needs an admin user.").build();
    public static final ConfigKey<Boolean> PING_AUTH_ENABLED = ConfigKey.of(SECTION, "ping-auth-enabled", BOOLEAN, false)
            .doc("With auth-enabled, /ping, /health and /metrics need a user too.").build();

    public static final ConfigKey<Boolean> HTTPS_ENABLED = ConfigKey.of(SECTION, "https-enabled", BOOLEAN, false)
            .doc("Serve the HTTP API over HTTPS (TLS with https-certificate and https-private-key).").build();
    public static final ConfigKey<String> HTTPS_CERTIFICATE = ConfigKey.of(SECTION, "https-certificate", STRING,
                    "/etc/ssl/influxdb.pem")
            .doc("PEM certificate chain of the HTTPS API, leaf first; may also hold the private key.").build();
    public static final ConfigKey<String> HTTPS_PRIVATE_KEY = ConfigKey.of(SECTION, "https-private-key", STRING, "")
            .doc("PEM private key of the HTTPS API; empty: the key is in https-certificate.").build();

    static void declare(ConfigDef.Builder b) {
        b.keys(ENABLED, BIND_ADDRESS, LOG_ENABLED, SUPPRESS_WRITE_LOG, WRITE_TRACING, MAX_BODY_SIZE, MAX_ROW_LIMIT,
                AUTH_ENABLED, REALM, SHARED_SECRET, PPROF_AUTH_ENABLED, PING_AUTH_ENABLED, ACCESS_LOG_PATH,
                ACCESS_LOG_STATUS_FILTERS, HTTPS_ENABLED, HTTPS_CERTIFICATE, HTTPS_PRIVATE_KEY);
        HttpLimitsConfig.declare(b);
        b.ignore(SECTION, "unix-socket-enabled", "Shardline listens on TCP only", true);
        b.ignore(SECTION, "pprof-enabled", "Go profiling endpoints do not exist in Shardline", false);
        b.ignore(SECTION, "flux-enabled", "Shardline speaks InfluxQL only", true);
        b.ignoreAll(SECTION, "not used by Shardline", "bind-socket",
                "flux-log-enabled", "user-query-bytes-enabled");
    }

    public static HttpConfig from(Config c) {
        return new HttpConfig(c.get(ENABLED), HostPort.parse(c.get(BIND_ADDRESS)), c.get(LOG_ENABLED),
                c.get(SUPPRESS_WRITE_LOG), c.get(WRITE_TRACING), c.get(MAX_BODY_SIZE).bytes(), c.get(MAX_ROW_LIMIT),
                c.get(AUTH_ENABLED), c.get(REALM), c.get(SHARED_SECRET), c.get(PPROF_AUTH_ENABLED),
                c.get(PING_AUTH_ENABLED), HttpLimitsConfig.from(c), c.get(ACCESS_LOG_PATH),
                c.get(ACCESS_LOG_STATUS_FILTERS).stream().map(StatusFilter::parse).toList(),
                new TlsEndpointConfig("[http] ", c.get(HTTPS_ENABLED), c.get(HTTPS_CERTIFICATE), c.get(HTTPS_PRIVATE_KEY),
                        false));
    }

    private static String checkFilters(List<String> filters) {
        for (String f : filters) {
            try {
                StatusFilter.parse(f);
            } catch (IllegalArgumentException e) {
                return e.getMessage() + " (got \"" + f + "\")";
            }
        }
        return null;
    }
}
