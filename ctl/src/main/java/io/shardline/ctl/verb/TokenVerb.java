package io.shardline.ctl.verb;

import io.shardline.common.error.ShardlineException;
import io.shardline.ctl.CtlContext;
import io.shardline.ctl.GoDurationConverter;
import io.shardline.ctl.Verb;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code token [-exp d]}: prints a JWT for {@code -user} signed with {@code -secret}, as influxd-ctl's
 * {@code token}; only with {@code -auth-type jwt}. Contacts no node.
 */
@Command(name = "token", description = "Prints a signed JWT (with -auth-type jwt -user name -secret secret).")
public final class TokenVerb extends Verb {

    @Option(names = {"-exp", "--exp"}, paramLabel = "duration", defaultValue = "1m0s",
            converter = GoDurationConverter.class, description = "How long the token is valid. Default: ${DEFAULT-VALUE}.")
    Duration expiry;

    @Override
    protected int run(CtlContext ctx) {
        if (!ctx.credentials().type().equals("jwt")) {
            throw ShardlineException.invalid("token: tokens can only be created when using bearer authentication");
        }
        ctx.out().println(ctx.credentials().token(expiry));
        return 0;
    }
}
