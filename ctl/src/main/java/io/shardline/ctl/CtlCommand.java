package io.shardline.ctl;

import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.shardline.common.rpc.GrpcTls;
import io.shardline.common.tls.TlsMaterial;
import io.shardline.common.tls.TlsOptions;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The root of {@code shardline ctl [global flags] VERB [verb flags] [args]}: the global flags of
 * influxd-ctl that Shardline has ({@code -bind}, {@code -timeout}) and the verbs as subcommands (see
 * {@link VerbRegistry}). Without a verb it prints the help. One instance per run.
 */
@Command(name = "shardline ctl",
        synopsisHeading = "Usage: ",
        customSynopsis = "shardline ctl [-bind host:port] [-bind-tls [-k]] [-timeout duration] [-auth-type none|basic|jwt -user name"
                + " -pwd password|-secret secret] <command> [options] [<args>]",
        description = {"Administers a Shardline cluster through its meta nodes, like influxd-ctl.",
                "Run 'shardline ctl <command> -help' for a command's options."},
        commandListHeading = "%nCommands:%n",
        optionListHeading = "%nGlobal options:%n")
public final class CtlCommand implements Callable<Integer> {

    @Option(names = {"-bind", "--bind"}, paramLabel = "host:port", defaultValue = "localhost:8091",
            converter = AddressConverter.class,
            description = "MetaService address of a meta node ([meta] http-bind-address). Default: ${DEFAULT-VALUE}.")
    String bind;

    @Option(names = {"-timeout", "--timeout"}, paramLabel = "duration", defaultValue = "10s",
            converter = GoDurationConverter.class,
            description = "Longest wait for any one operation, e.g. 30s or 1m. Default: ${DEFAULT-VALUE}.")
    Duration timeout;

    @Option(names = {"-auth-type", "--auth-type"}, paramLabel = "none|basic|jwt", defaultValue = "none",
            description = "How to authenticate to the nodes: none, basic (-user, -pwd) or jwt (-user, -secret)."
                    + " Default: ${DEFAULT-VALUE}.")
    String authType;

    @Option(names = {"-user", "--user"}, paramLabel = "name", defaultValue = "",
            description = "User name (an admin) for -auth-type basic or jwt.")
    String user;

    @Option(names = {"-pwd", "--pwd"}, paramLabel = "password", defaultValue = "",
            description = "Password for -auth-type basic.")
    String password;

    @Option(names = {"-secret", "--secret"}, paramLabel = "secret", defaultValue = "",
            description = "The meta nodes' [meta] shared-secret, which signs the token for -auth-type jwt.")
    String secret;

    @Option(names = {"-bind-tls", "--bind-tls"}, description = "Use TLS to the nodes (mandatory when the meta nodes"
            + " run with [meta] https-enabled). Certificates are verified against $SSL_CERT_FILE if set, else the"
            + " JDK's trust store.")
    boolean bindTls;

    @Option(names = {"-k", "--k"}, description = "Skip TLS certificate verification (ignored without -bind-tls).")
    boolean insecure;

    @Option(names = {"-h", "-help", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Spec
    CommandSpec spec;

    private final CtlEnvironment env;

    CtlCommand(CtlEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(env.out());
        return 0;
    }

    /** A context for one run of {@code verb} with the global flags. */
    CtlContext openContext(String verb) {
        if (timeout.isZero()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "-timeout must be greater than 0s");
        }
        if (!authType.equals("none") && !authType.equals("basic") && !authType.equals("jwt")) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "-auth-type must be none, basic or jwt: " + authType);
        }
        SslContext tls = bindTls
                ? GrpcTls.client(TlsMaterial.client(insecure, TlsOptions.forClients(System.getenv("SSL_CERT_FILE"))))
                : null;
        return new CtlContext(verb, bind, timeout, env, CtlCredentials.of(authType, user, password, secret, env.clock()),
                tls);
    }
}
