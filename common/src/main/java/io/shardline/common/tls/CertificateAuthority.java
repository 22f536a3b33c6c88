package io.shardline.common.tls;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throwaway certificate authority for {@code cluster.sh up --secure} and tests: an EC P-256 CA
 * that signs node certificates valid for server and client use (TLS listeners and mutual TLS on
 * Raft) with the given DNS names and IP addresses. BouncyCastle builds and signs; nothing here is
 * meant for production PKI. Immutable once created.
 */
public final class CertificateAuthority {

    private final KeyPair keys;
    private final X509Certificate certificate;
    private final SecureRandom random;

    private CertificateAuthority(KeyPair keys, X509Certificate certificate, SecureRandom random) {
        this.keys = keys;
        this.certificate = certificate;
        this.random = random;
    }

    /** A new CA named {@code CN=name}, valid from now for {@code validity}. */
    public static CertificateAuthority create(String name, Duration validity, SecureRandom random) {
        KeyPair keys = ecKeys(random);
        X500Name subject = new X500Name("CN=" + name);
        Instant now = Instant.now();
        try {
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, serial(random),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(validity)), subject, keys.getPublic());
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
            return new CertificateAuthority(keys, sign(b, keys), random);
        } catch (IOException | GeneralSecurityException e) {
            throw new ShardlineException(ErrorCode.INTERNAL, "cannot create a CA certificate: " + e.getMessage(), e);
        }
    }

    /** A CA written earlier by {@link #writeCertificate} and {@link #writeKey}. */
    public static CertificateAuthority load(Path certificateFile, Path keyFile, SecureRandom random) {
        X509Certificate cert = PemFiles.certificates(certificateFile, "CA certificate").get(0);
        KeyPair keys = new KeyPair(cert.getPublicKey(), PemFiles.privateKey(keyFile, "CA key"));
        return new CertificateAuthority(keys, cert, random);
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** A node certificate and its key, signed by this CA. */
    public Issued issue(String commonName, List<String> dnsNames, List<String> ipAddresses, Duration validity) {
        KeyPair nodeKeys = ecKeys(random);
        Instant now = Instant.now();
        try {
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(certificate, serial(random),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(validity)),
                    new X500Name("CN=" + commonName), nodeKeys.getPublic());
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            List<GeneralName> names = new ArrayList<>();
            dnsNames.forEach(n -> names.add(new GeneralName(GeneralName.dNSName, n)));
            for (String ip : ipAddresses) {
                names.add(new GeneralName(GeneralName.iPAddress, InetAddress.getByName(ip).getHostAddress()));
            }
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                    new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(GeneralName[]::new)));
            b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(certificate));
            return new Issued(sign(b, keys), nodeKeys);
        } catch (IOException | GeneralSecurityException e) {
            throw new ShardlineException(ErrorCode.INTERNAL, "cannot issue a certificate for " + commonName + ": "
                    + e.getMessage(), e);
        }
    }

    /** Writes the CA certificate as PEM. */
    public void writeCertificate(Path file) {
        write(file, pem(certificate), false);
    }

    /** Writes the CA's private key as PEM, readable by the owner only. */
    public void writeKey(Path file) {
        write(file, pem(keys.getPrivate()), true);
    }

    /** A signed certificate and its key pair. */
    public record Issued(X509Certificate certificate, KeyPair keys) {

        /** Writes the certificate and (readable by the owner only) the PKCS#8 key as PEM files. */
        public void write(Path certificateFile, Path keyFile) {
            CertificateAuthority.write(certificateFile, pem(certificate), false);
            CertificateAuthority.write(keyFile, pem(keys.getPrivate()), true);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, KeyPair signer) throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static KeyPair ecKeys(SecureRandom random) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), random);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new ShardlineException(ErrorCode.INTERNAL, "cannot generate an EC key: " + e.getMessage(), e);
        }
    }

    private static BigInteger serial(SecureRandom random) {
        return new BigInteger(64, random).add(BigInteger.ONE);
    }

    private static String pem(Object o) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(o instanceof java.security.PrivateKey key
                    ? new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(key, null) : o);
        } catch (IOException e) {
            throw new ShardlineException(ErrorCode.INTERNAL, "cannot encode PEM: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static void write(Path file, String text, boolean secret) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, text);
            if (secret) {
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: leave the default permissions
                }
            }
        } catch (IOException e) {
            throw new ShardlineException(ErrorCode.IO_ERROR, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
