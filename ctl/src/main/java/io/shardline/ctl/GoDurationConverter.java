package io.shardline.ctl;

import io.shardline.common.unit.GoDurations;
import java.time.Duration;
import picocli.CommandLine;

/** Parses flag values in Go's duration syntax ({@code 10s}, {@code 1m0s}, {@code 1h30m}); never negative. */
public final class GoDurationConverter implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        Duration d;
        try {
            d = GoDurations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
        if (d.isNegative()) {
            throw new CommandLine.TypeConversionException("negative duration \"" + value + "\"");
        }
        return d;
    }
}
