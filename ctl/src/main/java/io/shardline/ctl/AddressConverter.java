package io.shardline.ctl;

import io.shardline.common.net.HostPort;
import picocli.CommandLine;

/** Checks that a flag or argument is a {@code host:port} address and returns it as written. */
public final class AddressConverter implements CommandLine.ITypeConverter<String> {

    @Override
    public String convert(String value) {
        try {
            HostPort address = HostPort.parse(value);
            if (address.isWildcard()) {
                throw new CommandLine.TypeConversionException("address \"" + value + "\" has no host");
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
        return value.trim();
    }
}
