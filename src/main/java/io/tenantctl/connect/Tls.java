package io.tenantctl.connect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS context of a connection: the JDK's trusted authorities, plus the ones of an endpoint's
 * {@code caFile} when it names one (a private endpoint, or the local test server's certificate).
 * Host names are always checked.
 */
public final class Tls {

    private Tls() {}

    /** The JDK's default context, or one that also trusts the certificates of {@code caFile}. */
    public static SSLContext context(Optional<Path> caFile) throws IOException {
        try {
            if (caFile.isEmpty()) {
                return SSLContext.getDefault();
            }
            KeyStore extra = KeyStore.getInstance(KeyStore.getDefaultType());
            extra.load(null, null);
            int n = 0;
            try (InputStream in = Files.newInputStream(caFile.get())) {
                for (var cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    extra.setCertificateEntry("ca-" + n++, cert);
                }
            }
            if (n == 0) {
                throw new IOException(caFile.get() + " holds no certificate (PEM, BEGIN CERTIFICATE)");
            }
            X509TrustManager both = new Either(trustManager(null), trustManager(extra));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {both}, null);
            return context;
        } catch (CertificateException e) {
            throw new IOException(caFile.orElseThrow() + " is not a PEM certificate file: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private static X509TrustManager trustManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager tm : factory.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }

    /** Trusts what either the JDK's authorities or the extra ones trust. */
    private record Either(X509TrustManager jdk, X509TrustManager extra) implements X509TrustManager {

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            jdk.checkClientTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                jdk.checkServerTrusted(chain, authType);
            } catch (CertificateException e) {
                extra.checkServerTrusted(chain, authType);
            }
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            List<X509Certificate> all = new ArrayList<>(List.of(jdk.getAcceptedIssuers()));
            all.addAll(List.of(extra.getAcceptedIssuers()));
            return all.toArray(new X509Certificate[0]);
        }
    }
}
