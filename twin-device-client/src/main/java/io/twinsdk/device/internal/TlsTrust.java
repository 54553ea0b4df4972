package io.twinsdk.device.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/** Builds the TLS socket factory a device trusts the hub with: the system default, a PEM file, or a key store. */
public final class TlsTrust {

  private TlsTrust() {}

  /** Returns the socket factory that trusts the JDK's default certificate authorities. */
  public static SSLSocketFactory systemDefault() {
    try {
      return SSLContext.getDefault().getSocketFactory();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("The JDK has no default TLS context", e);
    }
  }

  /**
   * Returns a socket factory that trusts exactly the certificates in the PEM file {@code pem}.
   *
   * @throws IllegalArgumentException if the file cannot be read or holds no certificate
   */
  public static SSLSocketFactory fromPem(Path pem) {
    return context(pem).getSocketFactory();
  }

  /**
   * Returns a TLS context that trusts exactly the certificates in the PEM file {@code pem}.
   *
   * @throws IllegalArgumentException if the file cannot be read or holds no certificate
   */
  public static SSLContext context(Path pem) {
    try (InputStream in = Files.newInputStream(pem)) {
      Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certificates.isEmpty()) {
        throw new IllegalArgumentException("No certificate in " + pem);
      }
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (Certificate certificate : certificates) {
        store.setCertificateEntry("trusted-" + i++, certificate);
      }
      return context(store);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("Cannot read trusted certificates from " + pem + ": " + e.getMessage(), e);
    }
  }

  /** Returns a socket factory that trusts the certificates in {@code trustStore}. */
  public static SSLSocketFactory fromKeyStore(KeyStore trustStore) {
    return context(trustStore).getSocketFactory();
  }

  private static SSLContext context(KeyStore trustStore) {
    try {
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trustStore);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("Cannot build a TLS context from the trust store: " + e.getMessage(), e);
    }
  }
}
