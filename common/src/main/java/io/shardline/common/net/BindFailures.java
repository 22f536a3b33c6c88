package io.shardline.common.net;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import java.net.BindException;

/** Turns a failure to open a listener into a one-line error naming the address and its config key. */
public final class BindFailures {

    private BindFailures() {
    }

    /**
     * @param address what was being bound, e.g. {@code 127.0.0.1:8086}
     * @param what the configuration key it comes from, e.g. {@code [http] bind-address}
     */
    public static ShardlineException describe(Throwable failure, Object address, String what) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                String reason = t.getMessage() == null ? "address already in use" : t.getMessage().toLowerCase();
                return new ShardlineException(ErrorCode.ADDRESS_IN_USE,
                        "cannot listen on " + address + " (" + what + "): " + reason, failure);
            }
        }
        return ShardlineException.wrap(failure, ErrorCode.ADDRESS_IN_USE,
                "cannot listen on " + address + " (" + what + ")");
    }
}
