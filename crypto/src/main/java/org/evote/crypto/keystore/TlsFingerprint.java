package org.evote.crypto.keystore;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.group.Hex;

/**
 * The fingerprint a board's (or witness's) TLS certificate is pinned by: SHA-256 of the leaf certificate's DER
 * encoding, 64 lowercase hex digits. It travels in kiosk and administrator credentials ({@code tls_fingerprint}) and
 * on the command line ({@code --tls-fingerprint}); a client that pins it accepts exactly that certificate and no
 * other, whoever signed it (docs/api.md, "Transport").
 */
public record TlsFingerprint(String hex) {
  /** The credential member holding it. */
  public static final String FIELD = "tls_fingerprint";

  /** @throws InvalidFieldException unless {@code hex} is 64 lowercase hex digits */
  public TlsFingerprint {
    if (hex == null || hex.length() != 64 || !Hex.isLowercaseHex(hex)) {
      throw new InvalidFieldException(FIELD, "must be 64 lowercase hex digits: SHA-256 of the DER certificate");
    }
  }

  /** Parses a fingerprint given by a person or a file, naming {@code field} if it is not one. */
  public static TlsFingerprint parse(String text, String field) {
    String t = text == null ? "" : text.strip().replace(":", "").toLowerCase(java.util.Locale.ROOT);
    if (t.length() != 64 || !Hex.isLowercaseHex(t)) {
      throw new InvalidFieldException(field, "must be a TLS certificate fingerprint: SHA-256 of the DER "
          + "certificate, 64 hex digits");
    }
    return new TlsFingerprint(t);
  }

  /** The fingerprint of a DER-encoded certificate. */
  public static TlsFingerprint ofDer(byte[] der) {
    return new TlsFingerprint(Hex.encode(sha256(der)));
  }

  /** The fingerprint of {@code certificate}. */
  public static TlsFingerprint of(X509Certificate certificate) {
    try {
      return ofDer(certificate.getEncoded());
    } catch (CertificateEncodingException e) {
      throw new IllegalArgumentException("the certificate cannot be encoded", e);
    }
  }

  /** True if {@code der} is the pinned certificate, compared in time independent of where they differ. */
  public boolean matchesDer(byte[] der) {
    return MessageDigest.isEqual(sha256(der), Hex.decode(hex, 32, FIELD));
  }

  private static byte[] sha256(byte[] der) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(der);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return hex;
  }
}
