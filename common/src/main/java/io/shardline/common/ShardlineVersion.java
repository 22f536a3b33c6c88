package io.shardline.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of this build and the InfluxDB API level it speaks. The HTTP API answers with
 * {@code X-Influxdb-Version: 1.8.10-c<version>} and {@code X-Influxdb-Build: ENT}, the shape
 * InfluxDB Enterprise uses ({@code <oss>-c<enterprise>}), so clients enable 1.8 features.
 */
public final class ShardlineVersion {

    /** The InfluxDB OSS release whose HTTP API and line protocol Shardline matches. */
    public static final String INFLUX_API_VERSION = "1.8.10";

    private static final String VERSION = load();

    private ShardlineVersion() {
    }

    /** The Shardline version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        return VERSION;
    }

    /** The value of the {@code X-Influxdb-Version} header and of {@code show} version columns. */
    public static String influxVersionHeader() {
        return INFLUX_API_VERSION + "-c" + VERSION;
    }

    /** The value of the {@code X-Influxdb-Build} header: Enterprise. */
    public static String influxBuildHeader() {
        return "ENT";
    }

    private static String load() {
        try (InputStream in = ShardlineVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
