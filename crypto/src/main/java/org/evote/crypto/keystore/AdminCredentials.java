package org.evote.crypto.keystore;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.group.Hex;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.json.Fields;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.manifest.Ids;

/**
 * An administrator's credential file: the administrator's name, the election of the board it administers and an
 * Ed25519 key pair whose private key signs every administrator request ({@link org.evote.crypto.board.AdminRequests},
 * docs/api.md). The board stores only the public key, so a copy of its database grants nothing; the private key is
 * sealed under a passphrase ({@link EncryptedKeyFile}) in a file readable by its owner only. The public part —
 * name, public key, election hash — is readable without it. It also carries the board's TLS certificate
 * fingerprint ({@code tls_fingerprint}, {@link TlsFingerprint}), which the administrator's client pins; a credential
 * without one reaches only a plain-HTTP board on loopback.
 */
public final class AdminCredentials {
  public static final String KIND = "evote-admin-credentials";
  private final String name;
  private final Digest electionHash;
  private final Ed25519.PrivateKey key;
  private final java.util.Optional<TlsFingerprint> tlsFingerprint;

  /** @throws InvalidFieldException if {@code name} is not an identifier (1–256 printable ASCII, no spaces) */
  public AdminCredentials(String name, Digest electionHash, Ed25519.PrivateKey key) {
    this(name, electionHash, key, java.util.Optional.empty());
  }

  private AdminCredentials(String name, Digest electionHash, Ed25519.PrivateKey key,
      java.util.Optional<TlsFingerprint> tlsFingerprint) {
    if (!Ids.isValid(name)) {
      throw new InvalidFieldException("name", "an administrator name is 1-256 printable ASCII characters without "
          + "spaces");
    }
    this.name = name;
    this.electionHash = java.util.Objects.requireNonNull(electionHash, "electionHash");
    this.key = java.util.Objects.requireNonNull(key, "key");
    this.tlsFingerprint = java.util.Objects.requireNonNull(tlsFingerprint, "tlsFingerprint");
  }

  /** This credential for the board whose TLS certificate has {@code fingerprint}. */
  public AdminCredentials withTlsFingerprint(TlsFingerprint fingerprint) {
    return new AdminCredentials(name, electionHash, key, java.util.Optional.of(fingerprint));
  }

  /** The board's TLS certificate fingerprint, pinned by the administrator's client; empty: plain HTTP only. */
  public java.util.Optional<TlsFingerprint> tlsFingerprint() {
    return tlsFingerprint;
  }

  /** A new administrator key for the board of the election {@code electionHash}. */
  public static AdminCredentials generate(String name, Digest electionHash, SecureRandom random) {
    return new AdminCredentials(name, electionHash, Ed25519.PrivateKey.generate(random));
  }

  /** Writes the credential file, owner-only, with the private key sealed under {@code passphrase}. */
  public void write(Path file, char[] passphrase, SecureRandom random) throws IOException {
    var pubBuilder = JsonText.object().add("name", name).add("public_key", publicKey().hex())
        .add("election_hash", electionHash.toHex());
    tlsFingerprint.ifPresent(p -> pubBuilder.add(TlsFingerprint.FIELD, p.hex()));
    JsonObject pub = pubBuilder.build();
    byte[] seed = Hex.decode(key.seedHex(), 32, "seed");
    try {
      SecretFiles.writeOwnerOnly(file, JsonText.pretty(EncryptedKeyFile.seal(KIND, pub, seed, passphrase, random)));
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  /** Reads and opens a credential file. */
  public static AdminCredentials read(Path file, char[] passphrase)
      throws IOException, EncryptedKeyFile.WrongPassphraseException {
    JsonObject json = JsonText.readObject(file);
    if (json.containsKey("token")) {
      throw new InvalidFieldException("token", "this is a bearer-token administrator credential, which the board no "
          + "longer accepts: administrator requests are signed; make a new credential with ./evote server init");
    }
    Fields pub = Fields.of(EncryptedKeyFile.publicPart(json, KIND), "public");
    pub.only(java.util.Set.of("name", "public_key", "election_hash", TlsFingerprint.FIELD));
    java.util.Optional<TlsFingerprint> pin = pub.has(TlsFingerprint.FIELD)
        ? java.util.Optional.of(new TlsFingerprint(pub.string(TlsFingerprint.FIELD))) : java.util.Optional.empty();
    Digest electionHash = pub.digest("election_hash");
    String name = pub.id("name");
    byte[] seed = EncryptedKeyFile.open(json, KIND, passphrase);
    try {
      Ed25519.PrivateKey key = Ed25519.PrivateKey.fromSeedHex(Hex.encode(seed), "seed");
      if (!key.publicKey().hex().equals(pub.string("public_key"))) {
        throw new InvalidFieldException(pub.path("public_key"), "does not match the sealed key");
      }
      return new AdminCredentials(name, electionHash, key, pin);
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  /** The administrator's name: the {@code Evote-Admin} header of its requests. */
  public String name() {
    return name;
  }

  /** H_E of the election whose board this credential administers. */
  public Digest electionHash() {
    return electionHash;
  }

  /** What the board registers for this administrator. */
  public Ed25519.PublicKey publicKey() {
    return key.publicKey();
  }

  /** The signing key — secret. */
  public Ed25519.PrivateKey key() {
    return key;
  }

  @Override
  public String toString() {
    return "AdminCredentials[" + name + ", key redacted]";
  }
}
