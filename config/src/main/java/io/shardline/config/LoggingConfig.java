package io.shardline.config;

import static io.shardline.config.ConfigTypes.STRING;

/** The {@code [logging]} section, shared by meta and data nodes. */
public record LoggingConfig(String format, String level) {

    public static final String SECTION = "logging";

    public static final ConfigKey<String> FORMAT = ConfigKey.of(SECTION, "format", STRING, "logfmt")
            .doc("Log line format: logfmt (key=value pairs), json (one object per line), or auto (logfmt).")
            .validator(Validators.oneOf("auto", "logfmt", "json")).build();
    public static final ConfigKey<String> LEVEL = ConfigKey.of(SECTION, "level", STRING, "info")
            .doc("Lowest level that is logged.")
            .validator(Validators.oneOf("error", "warn", "info", "debug")).build();

    public static void declare(ConfigDef.Builder b) {
        b.keys(FORMAT, LEVEL);
        b.ignore(SECTION, "suppress-logo", "Shardline prints no logo", false);
    }

    public static LoggingConfig from(Config c) {
        return new LoggingConfig(c.get(FORMAT).equals("auto") ? "logfmt" : c.get(FORMAT), c.get(LEVEL));
    }
}
