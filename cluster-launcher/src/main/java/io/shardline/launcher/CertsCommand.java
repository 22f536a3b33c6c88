package io.shardline.launcher;

import io.shardline.common.tls.CertificateAuthority;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code shardline certs ca|issue}: a throwaway certificate authority and node certificates for a
 * local secured cluster ({@code scripts/cluster.sh up --secure}) or a test, as PEM files. Not a PKI
 * for production: keys are unencrypted files, the CA lives next to them.
 */
@Command(name = "certs", description = "Create a throwaway CA and node certificates (PEM) for a local secured cluster.",
        subcommands = {CertsCommand.Ca.class, CertsCommand.Issue.class})
public final class CertsCommand implements Callable<Integer> {

    @Option(names = {"-h", "-help", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Override
    public Integer call() {
        new picocli.CommandLine(this).usage(System.out);
        return 0;
    }

    @Command(name = "ca", description = "Write a new CA: DIR/ca.pem (certificate) and DIR/ca-key.pem (private key).")
    static final class Ca implements Callable<Integer> {
        @Option(names = {"-dir", "--dir"}, required = true, paramLabel = "DIR", description = "Where to write.")
        Path dir;

        @Option(names = {"-name", "--name"}, defaultValue = "Shardline local CA", description = "The CA's common name.")
        String name;

        @Option(names = {"-days", "--days"}, defaultValue = "365", description = "Validity in days.")
        int days;

        @Override
        public Integer call() {
            CertificateAuthority ca = CertificateAuthority.create(name, Duration.ofDays(days), new SecureRandom());
            ca.writeCertificate(dir.resolve("ca.pem"));
            ca.writeKey(dir.resolve("ca-key.pem"));
            System.out.println("wrote " + dir.resolve("ca.pem") + " and " + dir.resolve("ca-key.pem"));
            return 0;
        }
    }

    @Command(name = "issue", description = "Write OUT/NAME.pem and OUT/NAME-key.pem, a certificate signed by the CA"
            + " in CA-DIR for servers and clients (mutual TLS) with the given host names and addresses.")
    static final class Issue implements Callable<Integer> {
        @Option(names = {"-ca-dir", "--ca-dir"}, required = true, paramLabel = "DIR", description = "Where ca.pem and ca-key.pem are.")
        Path caDir;

        @Option(names = {"-name", "--name"}, required = true, description = "Certificate (and file) name, e.g. data1.")
        String name;

        @Option(names = {"-host", "--host"}, split = ",", paramLabel = "HOST",
                description = "Host names and IP addresses the certificate is valid for (repeat or comma-separate);"
                        + " localhost and 127.0.0.1 are always added.")
        List<String> hosts = new ArrayList<>();

        @Option(names = {"-out", "--out"}, required = true, paramLabel = "DIR", description = "Where to write.")
        Path out;

        @Option(names = {"-days", "--days"}, defaultValue = "365", description = "Validity in days.")
        int days;

        @Override
        public Integer call() {
            List<String> dns = new ArrayList<>(List.of("localhost"));
            List<String> ips = new ArrayList<>(List.of("127.0.0.1"));
            for (String h : hosts) {
                List<String> to = isAddress(h) ? ips : dns;
                if (!to.contains(h)) {
                    to.add(h);
                }
            }
            CertificateAuthority ca = CertificateAuthority.load(caDir.resolve("ca.pem"), caDir.resolve("ca-key.pem"),
                    new SecureRandom());
            ca.issue(name, dns, ips, Duration.ofDays(days)).write(out.resolve(name + ".pem"), out.resolve(name + "-key.pem"));
            System.out.println("wrote " + out.resolve(name + ".pem") + " for " + String.join(",", dns) + ","
                    + String.join(",", ips));
            return 0;
        }

        private static boolean isAddress(String host) {
            if (!host.matches("[0-9.]+|[0-9a-fA-F:]*:[0-9a-fA-F:.]*")) {
                return false;
            }
            try {
                InetAddress.getByName(host);
                return true;
            } catch (java.net.UnknownHostException e) {
                return false;
            }
        }
    }
}
