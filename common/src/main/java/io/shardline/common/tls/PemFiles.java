package io.shardline.common.tls;

import io.shardline.common.error.ErrorCode;
import io.shardline.common.error.ShardlineException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Reads PEM files as InfluxDB accepts them: certificates (a chain, leaf first), and a private key
 * in PKCS#8 ({@code PRIVATE KEY}), PKCS#1 ({@code RSA PRIVATE KEY}) or SEC1 ({@code EC PRIVATE KEY})
 * form, possibly in the same file as the certificates (InfluxDB's "PEM bundle"). BouncyCastle
 * parses; failures name the file and the configuration key. Stateless.
 */
public final class PemFiles {

    private PemFiles() {
    }

    /** The certificates of {@code file} in order; at least one. */
    public static List<X509Certificate> certificates(Path file, String key) {
        List<X509Certificate> certs = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        for (Object o : objects(file, key)) {
            if (o instanceof X509CertificateHolder holder) {
                try {
                    certs.add(converter.getCertificate(holder));
                } catch (CertificateException e) {
                    throw bad(file, key, "unreadable certificate: " + e.getMessage(), e);
                }
            }
        }
        if (certs.isEmpty()) {
            throw bad(file, key, "no PEM certificate in it", null);
        }
        return certs;
    }

    /** The first private key of {@code file}. */
    public static PrivateKey privateKey(Path file, String key) {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        for (Object o : objects(file, key)) {
            try {
                if (o instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (o instanceof PEMKeyPair pair) {
                    return converter.getKeyPair(pair).getPrivate();
                }
            } catch (IOException e) {
                throw bad(file, key, "unreadable private key: " + e.getMessage(), e);
            }
        }
        throw bad(file, key, "no PEM private key in it (encrypted keys are not supported)", null);
    }

    private static List<Object> objects(Path file, String key) {
        List<Object> all = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
             PEMParser parser = new PEMParser(reader)) {
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                all.add(o);
            }
        } catch (IOException | RuntimeException e) {
            throw bad(file, key, "cannot read it: " + e.getMessage(), e);
        }
        return all;
    }

    private static ShardlineException bad(Path file, String key, String why, Throwable cause) {
        return new ShardlineException(ErrorCode.CONFIG_INVALID, key + " " + file + ": " + why, cause);
    }
}
