package io.twinsdk.hub.tls;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The hub's TLS identity: a PEM certificate chain and a PKCS#8 PEM key on disk.
 *
 * <p>Unless the user supplies their own, a self-signed ECDSA P-256 certificate is generated on first start and reused
 * afterwards, so that clients configured to trust it keep working across restarts. Its subject alternative names are
 * {@code localhost}, {@code 127.0.0.1}, {@code ::1} and the hub's host name, because clients verify host names.
 */
public final class HubCertificate {

  private static final Duration VALIDITY = Duration.ofDays(3650);

  private final Path certificatePath;
  private final Path keyPath;
  private final X509Certificate certificate;

  private HubCertificate(Path certificatePath, Path keyPath, X509Certificate certificate) {
    this.certificatePath = certificatePath;
    this.keyPath = keyPath;
    this.certificate = certificate;
  }

  /** Loads a user-supplied certificate and key. */
  public static HubCertificate load(Path certificatePem, Path keyPem) throws IOException {
    if (!Files.isReadable(keyPem)) {
      throw new IOException("TLS key file is not readable: " + keyPem.toAbsolutePath());
    }
    return new HubCertificate(certificatePem.toAbsolutePath(), keyPem.toAbsolutePath(), readFirst(certificatePem));
  }

  /**
   * Returns the certificate kept in {@code directory}, generating it when missing or when it does not name
   * {@code hostName}.
   */
  public static HubCertificate loadOrGenerate(Path directory, String hostName) throws IOException {
    Path cert = directory.resolve("hub-certificate.pem").toAbsolutePath();
    Path key = directory.resolve("hub-key.pem").toAbsolutePath();
    if (Files.exists(cert) && Files.exists(key)) {
      X509Certificate existing = readFirst(cert);
      if (covers(existing, hostName) && existing.getNotAfter().toInstant().isAfter(Instant.now())) {
        return new HubCertificate(cert, key, existing);
      }
    }
    Files.createDirectories(directory);
    X509Certificate generated = generate(hostName, cert, key);
    return new HubCertificate(cert, key, generated);
  }

  /** The absolute path of the PEM certificate: what clients of a self-signed hub must trust. */
  public Path certificatePath() {
    return certificatePath;
  }

  /** The absolute path of the PEM private key. */
  public Path keyPath() {
    return keyPath;
  }

  /** The hub's (leaf) certificate. */
  public X509Certificate certificate() {
    return certificate;
  }

  private static boolean covers(X509Certificate certificate, String hostName) {
    try {
      if (certificate.getSubjectAlternativeNames() == null) {
        return false;
      }
      String wanted = hostName.toLowerCase(java.util.Locale.ROOT);
      for (List<?> name : certificate.getSubjectAlternativeNames()) {
        Object value = name.get(1);
        if (value instanceof String && ((String) value).equalsIgnoreCase(wanted)) {
          return true;
        }
      }
      return false;
    } catch (CertificateException e) {
      return false;
    }
  }

  private static X509Certificate generate(String hostName, Path certPath, Path keyPath) throws IOException {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
      KeyPair keyPair = generator.generateKeyPair();
      X500Name subject = new X500Name("CN=" + hostName + ", O=Twin SDK local hub");
      Instant now = Instant.now();
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
          subject,
          new BigInteger(64, new SecureRandom()),
          Date.from(now.minus(Duration.ofDays(1))),
          Date.from(now.plus(VALIDITY)),
          subject,
          keyPair.getPublic());
      builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames(hostName));
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      X509Certificate certificate = new JcaX509CertificateConverter()
          .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keyPair.getPrivate())));
      writeAtomically(keyPath, pem("PRIVATE KEY", keyPair.getPrivate().getEncoded()));
      writeAtomically(certPath, pem("CERTIFICATE", certificate.getEncoded()));
      return certificate;
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IOException("Could not generate the hub's TLS certificate", e);
    }
  }

  private static GeneralNames alternativeNames(String hostName) {
    Set<String> dnsNames = new LinkedHashSet<>();
    Set<String> ipAddresses = new LinkedHashSet<>(List.of("127.0.0.1", "::1"));
    dnsNames.add("localhost");
    if (isIpAddress(hostName)) {
      ipAddresses.add(hostName);
    } else {
      dnsNames.add(hostName);
    }
    List<GeneralName> names = new ArrayList<>();
    dnsNames.forEach(name -> names.add(new GeneralName(GeneralName.dNSName, name)));
    ipAddresses.forEach(address -> names.add(new GeneralName(GeneralName.iPAddress, address)));
    return new GeneralNames(names.toArray(new GeneralName[0]));
  }

  private static boolean isIpAddress(String hostName) {
    if (hostName.contains(":")) {
      return true;
    }
    if (!hostName.matches("[0-9.]+")) {
      return false;
    }
    try {
      InetAddress.getByName(hostName);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String pem(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }

  private static void writeAtomically(Path target, String content) throws IOException {
    Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
    Files.writeString(temp, content, StandardCharsets.US_ASCII);
    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static X509Certificate readFirst(Path pem) throws IOException {
    try (InputStream in = Files.newInputStream(pem)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    } catch (CertificateException e) {
      throw new IOException("Not a PEM certificate: " + pem.toAbsolutePath(), e);
    }
  }
}
