package io.shardline.meta.state;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import java.util.List;
import java.util.Objects;

/**
 * The result of applying one command: {@link Ok} with an optional value (documented per command in
 * {@link MetaCommand}), or {@link Failure} with an error code and the exact message a client sees.
 * Validation failures are results, never exceptions.
 */
public sealed interface MetaResult {

    /** Success; {@code value} is null for commands that return nothing. */
    record Ok(Object value) implements MetaResult {
    }

    /** A rejected command; the state is unchanged apart from its version. */
    record Failure(ErrorCode code, String message) implements MetaResult {

        public Failure {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }

        /** The failure as the exception callers outside the state machine throw. */
        public ShardlineException toException() {
            return new ShardlineException(code, message);
        }
    }

    static MetaResult ok(Object value) {
        return new Ok(value);
    }

    static MetaResult failure(ErrorCode code, String message) {
        return new Failure(code, message);
    }

    default boolean isOk() {
        return this instanceof Ok;
    }

    /**
     * The success value as {@code type}.
     *
     * @throws ShardlineException carrying the failure if this is a failure
     * @throws ClassCastException if the value has another type
     */
    default <T> T value(Class<T> type) {
        if (this instanceof Failure failure) {
            throw failure.toException();
        }
        return type.cast(((Ok) this).value());
    }

    /** The success value as a list of {@code elementType}, for commands returning lists. */
    @SuppressWarnings("unchecked")
    default <T> List<T> values(Class<T> elementType) {
        List<?> list = value(List.class);
        list.forEach(elementType::cast);
        return (List<T>) list;
    }
}
