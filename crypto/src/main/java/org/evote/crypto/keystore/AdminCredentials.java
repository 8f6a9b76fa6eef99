package org.evote.crypto.keystore;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Set;
import org.evote.crypto.group.Hex;
import org.evote.crypto.json.Fields;
import org.evote.crypto.json.JsonText;

/**
 * An administrator's bearer credential: a random 256-bit token. The board stores only SHA-256 of it, so a copy of
 * the database grants nothing; the credential file is written readable by its owner only. It also carries the
 * board's pinned TLS certificate fingerprint ({@code tls_fingerprint}); a file without one (written before the
 * board spoke HTTPS) reaches only a plain-HTTP board.
 */
public final class AdminCredentials {
  public static final String KIND = "evote-admin-credentials";
  private final String name;
  private final String token;
  private final java.util.Optional<TlsFingerprint> tlsFingerprint;

  private AdminCredentials(String name, String token) {
    this(name, token, java.util.Optional.empty());
  }

  private AdminCredentials(String name, String token, java.util.Optional<TlsFingerprint> tlsFingerprint) {
    this.name = name;
    this.token = token;
    this.tlsFingerprint = tlsFingerprint;
  }

  /** This credential for the board whose TLS certificate has {@code fingerprint}. */
  public AdminCredentials withTlsFingerprint(TlsFingerprint fingerprint) {
    return new AdminCredentials(name, token, java.util.Optional.of(fingerprint));
  }

  /** The board's TLS certificate fingerprint, pinned by the administrator's client; empty: plain HTTP only. */
  public java.util.Optional<TlsFingerprint> tlsFingerprint() {
    return tlsFingerprint;
  }

  public static AdminCredentials generate(String name, SecureRandom random) {
    byte[] t = new byte[32];
    random.nextBytes(t);
    return new AdminCredentials(name, Hex.encode(t));
  }

  public static AdminCredentials read(Path file) throws IOException {
    Fields f = Fields.of(JsonText.readObject(file)).only(Set.of("kind", "name", "token", TlsFingerprint.FIELD));
    if (!f.string("kind").equals(KIND)) {
      throw new org.evote.crypto.InvalidFieldException("kind", "not an admin credential file");
    }
    Hex.decode(f.string("token"), 32, "token");
    java.util.Optional<TlsFingerprint> pin = f.has(TlsFingerprint.FIELD)
        ? java.util.Optional.of(new TlsFingerprint(f.string(TlsFingerprint.FIELD))) : java.util.Optional.empty();
    return new AdminCredentials(f.string("name"), f.string("token"), pin);
  }

  public void write(Path file) throws IOException {
    var o = JsonText.object().add("kind", KIND).add("name", name).add("token", token);
    tlsFingerprint.ifPresent(p -> o.add(TlsFingerprint.FIELD, p.hex()));
    SecretFiles.writeOwnerOnly(file, JsonText.pretty(o.build()));
  }

  public String name() {
    return name;
  }

  /** The bearer token — secret. */
  public String token() {
    return token;
  }

  /** What the board stores: SHA-256 of the token, hex. */
  public static String hash(String token) {
    try {
      return Hex.encode(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "AdminCredentials[" + name + ", token redacted]";
  }
}
