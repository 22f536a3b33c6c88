package io.shardline.config;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How one kind of configuration value is read from TOML and from environment variables, printed
 * back as TOML, and described to an operator. Implementations are stateless.
 *
 * @param <T> the Java type of the value
 */
public interface ConfigType<T> {

    /** Reads a value from a parsed TOML node; throws {@link IllegalArgumentException} if it does not fit. */
    T fromToml(JsonNode node);

    /** Reads a value from the text of an environment variable. */
    T fromText(String text);

    /** The TOML literal for {@code value}, such that {@link #fromToml} gives it back. */
    String toToml(T value);

    /** What is accepted, for error messages and the configuration reference, e.g. "a duration such as 10s". */
    String expected();
}
