package org.evote.crypto.keystore;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.json.Fields;
import org.evote.crypto.json.JsonText;

/**
 * A server's TLS identity: its certificate chain (leaf first) and the leaf's private key — secret, so not a record,
 * and its {@code toString} shows only the fingerprint. Made self-signed ({@link #selfSigned}: ECDSA P-256, the
 * names as subject alternative names) or read from PEM files ({@link #readPem}); sealed at rest like the board's
 * other keys ({@link #seal}, {@link EncryptedKeyFile}); pinned by its {@link #fingerprint()}.
 */
public final class TlsIdentity {
  /** The sealed key file's kind. */
  public static final String KIND = "evote-tls-key";
  /** How long a self-signed certificate is valid (clients pin it and do not look at its dates). */
  public static final Duration SELF_SIGNED_VALIDITY = Duration.ofDays(825);
  private static final int MAX_NAMES = 64;
  private final List<X509Certificate> chain;
  private final PrivateKey key;

  private TlsIdentity(List<X509Certificate> chain, PrivateKey key) {
    if (chain.isEmpty()) {
      throw new InvalidFieldException("certificate", "no certificate");
    }
    this.chain = List.copyOf(chain);
    this.key = key;
    requireKeyMatches(this.chain.get(0), key);
  }

  /**
   * A new ECDSA P-256 key and a self-signed certificate for it, valid from an hour before {@code now} for
   * {@link #SELF_SIGNED_VALIDITY}, naming each of {@code names} (a DNS name or an IP address literal) as a subject
   * alternative name; the first is its common name.
   *
   * @throws InvalidFieldException if a name is neither, or there are none or too many
   */
  public static TlsIdentity selfSigned(List<String> names, SecureRandom random, Instant now) {
    if (names.isEmpty() || names.size() > MAX_NAMES) {
      throw new InvalidFieldException("tls_name", "give 1 to " + MAX_NAMES + " names");
    }
    List<GeneralName> alt = new ArrayList<>();
    for (String n : names) {
      alt.add(generalName(n));
    }
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"), random);
      KeyPair pair = g.generateKeyPair();
      X500Name subject = new X500Name(new org.bouncycastle.asn1.x500.RDN[] {new org.bouncycastle.asn1.x500.RDN(
          org.bouncycastle.asn1.x500.style.BCStyle.CN, new org.bouncycastle.asn1.DERUTF8String(names.get(0)))});
      byte[] serial = new byte[16];
      random.nextBytes(serial);
      Instant from = now.minus(Duration.ofHours(1));
      JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, new BigInteger(1, serial),
          Date.from(from), Date.from(now.plus(SELF_SIGNED_VALIDITY)), subject, pair.getPublic());
      b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(alt.toArray(GeneralName[]::new)));
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      X509CertificateHolder holder = b.build(new JcaContentSignerBuilder("SHA256withECDSA").setSecureRandom(random)
          .build(pair.getPrivate()));
      return new TlsIdentity(List.of(certificate(holder.getEncoded())), pair.getPrivate());
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException("cannot make a self-signed certificate", e);
    }
  }

  /**
   * Reads a certificate chain (PEM, leaf first) and its unencrypted private key (PEM: PKCS#8 {@code PRIVATE KEY},
   * {@code EC PRIVATE KEY} or {@code RSA PRIVATE KEY}), as given with {@code --tls-cert} and {@code --tls-key}.
   *
   * @throws InvalidFieldException naming the file if either cannot be read or the key is not the certificate's
   */
  public static TlsIdentity readPem(Path certificateFile, Path keyFile) throws IOException {
    List<X509Certificate> chain = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(certificateFile, StandardCharsets.US_ASCII);
        PEMParser p = new PEMParser(r)) {
      Object o;
      while ((o = readPemObject(p, certificateFile)) != null) {
        if (!(o instanceof X509CertificateHolder h)) {
          throw new InvalidFieldException(certificateFile.toString(), "holds something other than certificates");
        }
        chain.add(certificate(h.getEncoded()));
      }
    }
    if (chain.isEmpty()) {
      throw new InvalidFieldException(certificateFile.toString(), "holds no PEM certificate");
    }
    Object k;
    try (Reader r = Files.newBufferedReader(keyFile, StandardCharsets.US_ASCII); PEMParser p = new PEMParser(r)) {
      k = readPemObject(p, keyFile);
    }
    PrivateKeyInfo info;
    if (k instanceof PEMKeyPair pair) {
      info = pair.getPrivateKeyInfo();
    } else if (k instanceof PrivateKeyInfo i) {
      info = i;
    } else {
      throw new InvalidFieldException(keyFile.toString(), "holds no unencrypted PEM private key (PRIVATE KEY, "
          + "EC PRIVATE KEY or RSA PRIVATE KEY)");
    }
    try {
      return new TlsIdentity(chain, privateKey(info.getEncoded(), chain.get(0), keyFile.toString()));
    } catch (InvalidFieldException e) {
      throw new InvalidFieldException(keyFile.toString(), e.reason());
    }
  }

  /** The pinned fingerprint: SHA-256 of the leaf certificate. */
  public TlsFingerprint fingerprint() {
    return TlsFingerprint.of(chain.get(0));
  }

  /** The certificate chain, leaf first. */
  public List<X509Certificate> certificateChain() {
    return chain;
  }

  /** The leaf's private key — secret. */
  public PrivateKey privateKey() {
    return key;
  }

  /**
   * The identity in a key store held in memory only (PKCS#12, never written), under {@code alias}: what a TLS
   * server (Jetty's {@code SslContextFactory.Server}) is handed. {@code password} protects nothing at rest.
   */
  public java.security.KeyStore keyStore(String alias, char[] password) {
    try {
      java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry(alias, key, password, chain.toArray(java.security.cert.Certificate[]::new));
      return ks;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot hold the TLS key in memory", e);
    }
  }

  /** The certificate chain as PEM, for operators and browsers (public). */
  public String certificatePem() {
    StringWriter w = new StringWriter();
    Base64.Encoder b64 = Base64.getMimeEncoder(64, new byte[] {'\n'});
    for (X509Certificate c : chain) {
      try {
        w.append("-----BEGIN CERTIFICATE-----\n").append(b64.encodeToString(c.getEncoded()))
            .append("\n-----END CERTIFICATE-----\n");
      } catch (java.security.cert.CertificateEncodingException e) {
        throw new IllegalStateException(e);
      }
    }
    return w.toString();
  }

  /**
   * The key file: the private key (PKCS#8) sealed under {@code passphrase} ({@link EncryptedKeyFile}); the public
   * part holds the chain (base64 DER, leaf first) and the fingerprint, readable without it.
   */
  public JsonObject seal(char[] passphrase, SecureRandom random) {
    JsonArrayBuilder certs = JsonText.array();
    for (X509Certificate c : chain) {
      try {
        certs.add(Base64.getEncoder().encodeToString(c.getEncoded()));
      } catch (java.security.cert.CertificateEncodingException e) {
        throw new IllegalStateException(e);
      }
    }
    JsonObject pub = JsonText.object().add("certificates", certs).add(TlsFingerprint.FIELD, fingerprint().hex())
        .build();
    byte[] secret = key.getEncoded();
    try {
      return EncryptedKeyFile.seal(KIND, pub, secret, passphrase, random);
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }

  /** The fingerprint in a sealed key file's public part, without the passphrase (checked against its chain). */
  public static TlsFingerprint sealedFingerprint(JsonObject file) {
    return publicChain(file).fingerprint;
  }

  /** Opens a sealed key file. */
  public static TlsIdentity open(JsonObject file, char[] passphrase) throws EncryptedKeyFile.WrongPassphraseException {
    PublicChain pub = publicChain(file);
    byte[] secret = EncryptedKeyFile.open(file, KIND, passphrase);
    try {
      return new TlsIdentity(pub.chain, privateKey(secret, pub.chain.get(0), "key"));
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }

  private record PublicChain(List<X509Certificate> chain, TlsFingerprint fingerprint) {}

  private static PublicChain publicChain(JsonObject file) {
    Fields pub = Fields.of(EncryptedKeyFile.publicPart(file, KIND), "public")
        .only(Set.of("certificates", TlsFingerprint.FIELD));
    List<X509Certificate> chain = new ArrayList<>();
    var certs = pub.array("certificates");
    if (certs.isEmpty() || certs.size() > 16) {
      throw new InvalidFieldException(pub.path("certificates"), "1 to 16 certificates");
    }
    for (JsonValue v : certs) {
      if (!(v instanceof JsonString s)) {
        throw new InvalidFieldException(pub.path("certificates"), "base64 DER certificates");
      }
      try {
        chain.add(certificate(Base64.getDecoder().decode(s.getString())));
      } catch (IllegalArgumentException e) {
        throw new InvalidFieldException(pub.path("certificates"), "base64 DER certificates");
      }
    }
    TlsFingerprint fp = new TlsFingerprint(pub.string(TlsFingerprint.FIELD));
    if (!fp.equals(TlsFingerprint.of(chain.get(0)))) {
      throw new InvalidFieldException(pub.path(TlsFingerprint.FIELD), "is not the fingerprint of the certificate");
    }
    return new PublicChain(chain, fp);
  }

  private static Object readPemObject(PEMParser p, Path file) {
    try {
      return p.readObject();
    } catch (IOException | RuntimeException e) {
      throw new InvalidFieldException(file.toString(), "not readable PEM");
    }
  }

  private static X509Certificate certificate(byte[] der) {
    try {
      return (X509Certificate) CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(der));
    } catch (CertificateException e) {
      throw new InvalidFieldException("certificate", "not an X.509 certificate");
    }
  }

  private static PrivateKey privateKey(byte[] pkcs8, X509Certificate leaf, String field) {
    String algorithm = leaf.getPublicKey().getAlgorithm();
    try {
      return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    } catch (GeneralSecurityException e) {
      throw new InvalidFieldException(field, "not a " + algorithm + " private key for the certificate");
    }
  }

  /** The key must be the leaf's: it signs a challenge the certificate's public key verifies. */
  private static void requireKeyMatches(X509Certificate leaf, PrivateKey key) {
    String algorithm = switch (leaf.getPublicKey().getAlgorithm()) {
      case "EC" -> "SHA256withECDSA";
      case "RSA" -> "SHA256withRSA";
      case "Ed25519", "EdDSA" -> "Ed25519";
      default -> throw new InvalidFieldException("certificate", "key type " + leaf.getPublicKey().getAlgorithm()
          + " is not supported (ECDSA, RSA or Ed25519)");
    };
    byte[] challenge = "evote TLS key check".getBytes(StandardCharsets.US_ASCII);
    try {
      Signature s = Signature.getInstance(algorithm);
      s.initSign(key);
      s.update(challenge);
      byte[] sig = s.sign();
      Signature v = Signature.getInstance(algorithm);
      v.initVerify(leaf.getPublicKey());
      v.update(challenge);
      if (!v.verify(sig)) {
        throw new InvalidFieldException("key", "is not the private key of the certificate");
      }
    } catch (GeneralSecurityException e) {
      throw new InvalidFieldException("key", "is not the private key of the certificate");
    }
  }

  private static GeneralName generalName(String name) {
    if (name == null || name.isEmpty() || name.length() > 253) {
      throw new InvalidFieldException("tls_name", "a DNS name or an IP address, 1-253 characters");
    }
    if (name.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}") || (name.contains(":") && name.matches("[0-9a-fA-F:.]+"))) {
      try {
        // a literal: no name lookup happens
        java.net.InetAddress.getByName(name);
        return new GeneralName(GeneralName.iPAddress, name);
      } catch (IOException | IllegalArgumentException e) {
        throw new InvalidFieldException("tls_name", name + " is not an IP address");
      }
    }
    if (!name.matches("(\\*\\.)?[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}"
        + "[A-Za-z0-9])?)*")) {
      throw new InvalidFieldException("tls_name", name + " is not a DNS name or an IP address");
    }
    return new GeneralName(GeneralName.dNSName, name);
  }

  @Override
  public String toString() {
    return "TlsIdentity[" + fingerprint().hex() + ", key redacted]";
  }
}
