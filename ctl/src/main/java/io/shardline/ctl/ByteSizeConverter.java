package io.shardline.ctl;

import io.shardline.common.unit.ByteSize;
import picocli.CommandLine;

/** Parses flag values that are sizes: bytes ({@code 1048576}) or with a suffix ({@code 512k}, {@code 10m}). */
public final class ByteSizeConverter implements CommandLine.ITypeConverter<Long> {

    @Override
    public Long convert(String value) {
        try {
            return ByteSize.parse(value).bytes();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
