package io.shardline.config;

/**
 * Checks one configuration value beyond its type. Returns null when the value is fine, else a
 * short phrase saying what is allowed ("must be at least 1"). Stateless.
 */
@FunctionalInterface
public interface Validator<T> {

    String check(T value);

    /** Accepts every value. */
    static <T> Validator<T> any() {
        return v -> null;
    }
}
