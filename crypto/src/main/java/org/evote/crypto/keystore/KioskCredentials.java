package org.evote.crypto.keystore;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import org.evote.crypto.board.BoardOrigin;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.group.Hex;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.json.Fields;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.note.VerifierKey;

/**
 * A kiosk's credential file: its id, the election it serves, the board's Ed25519 public key and the board's
 * checkpoint key (both pinned: the kiosk believes only receipts whose head is signed with the one and whose
 * checkpoint is signed with the other, protocol §9.7) and the kiosk's Ed25519 signing key, sealed under a passphrase
 * (docs/api.md). The public part — id, public key, election hash, board key, checkpoint key — is readable without
 * it. A file without {@code board_public_key} or {@code checkpoint_key} (written before they were pinned) is
 * refused. The public part also carries the board's TLS certificate fingerprint ({@code tls_fingerprint}), which
 * the kiosk pins; a file without one (written before the board spoke HTTPS) reaches only a plain-HTTP board.
 */
public final class KioskCredentials {
  public static final String KIND = "evote-kiosk-credentials";
  /** The public part's member holding the board's public key. */
  public static final String BOARD_PUBLIC_KEY = "board_public_key";
  /** The public part's member holding the board's checkpoint key (signed-note verifier key, §9.8). */
  public static final String CHECKPOINT_KEY = "checkpoint_key";
  private final String kioskId;
  private final Digest electionHash;
  private final Ed25519.PublicKey boardKey;
  private final VerifierKey checkpointKey;
  private final Ed25519.PrivateKey key;
  private final java.util.Optional<TlsFingerprint> tlsFingerprint;

  /** A credential without a pinned TLS certificate (a plain-HTTP board). */
  public KioskCredentials(String kioskId, Digest electionHash, Ed25519.PublicKey boardKey, VerifierKey checkpointKey,
      Ed25519.PrivateKey key) {
    this(kioskId, electionHash, boardKey, checkpointKey, key, java.util.Optional.empty());
  }

  /**
   * @throws org.evote.crypto.InvalidFieldException if {@code checkpointKey} cannot be the checkpoint key of the
   *     election's board (§9.8: an Ed25519 note key named after a board origin of {@code electionHash})
   */
  public KioskCredentials(String kioskId, Digest electionHash, Ed25519.PublicKey boardKey, VerifierKey checkpointKey,
      Ed25519.PrivateKey key, java.util.Optional<TlsFingerprint> tlsFingerprint) {
    this.tlsFingerprint = java.util.Objects.requireNonNull(tlsFingerprint, "tlsFingerprint");
    this.kioskId = java.util.Objects.requireNonNull(kioskId, "kioskId");
    this.electionHash = java.util.Objects.requireNonNull(electionHash, "electionHash");
    this.boardKey = java.util.Objects.requireNonNull(boardKey, "boardKey");
    BoardOrigin.ofCheckpointKey(checkpointKey, electionHash, CHECKPOINT_KEY);
    this.checkpointKey = checkpointKey;
    this.key = java.util.Objects.requireNonNull(key, "key");
  }

  /**
   * A new kiosk key for the election {@code electionHash} served by the board with key {@code boardKey} and
   * checkpoint key {@code checkpointKey}.
   */
  public static KioskCredentials generate(String kioskId, Digest electionHash, Ed25519.PublicKey boardKey,
      VerifierKey checkpointKey, SecureRandom random) {
    return generate(kioskId, electionHash, boardKey, checkpointKey, java.util.Optional.empty(), random);
  }

  /** As above, pinning the board's TLS certificate {@code tlsFingerprint} (empty: a plain-HTTP board). */
  public static KioskCredentials generate(String kioskId, Digest electionHash, Ed25519.PublicKey boardKey,
      VerifierKey checkpointKey, java.util.Optional<TlsFingerprint> tlsFingerprint, SecureRandom random) {
    return new KioskCredentials(kioskId, electionHash, boardKey, checkpointKey, Ed25519.PrivateKey.generate(random),
        tlsFingerprint);
  }

  /**
   * The shortest credential passphrase: it alone seals the kiosk's signing key (the poll worker PIN is separate
   * and only unlocks the kiosk's screens).
   */
  public static final int MIN_PASSPHRASE = 12;

  /**
   * Seals the credentials under {@code passphrase} (at least {@link #MIN_PASSPHRASE} characters).
   *
   * @throws IllegalArgumentException if the passphrase is shorter
   */
  public void write(Path file, char[] passphrase, SecureRandom random) throws IOException {
    if (passphrase.length < MIN_PASSPHRASE) {
      throw new IllegalArgumentException("a kiosk credential passphrase needs at least " + MIN_PASSPHRASE
          + " characters");
    }
    var pubBuilder = JsonText.object().add("kiosk_id", kioskId).add("public_key", key.publicKey().hex())
        .add("election_hash", electionHash.toHex()).add(BOARD_PUBLIC_KEY, boardKey.hex())
        .add(CHECKPOINT_KEY, checkpointKey.encoded());
    tlsFingerprint.ifPresent(p -> pubBuilder.add(TlsFingerprint.FIELD, p.hex()));
    JsonObject pub = pubBuilder.build();
    byte[] seed = Hex.decode(key.seedHex(), 32, "seed");
    try {
      SecretFiles.writeOwnerOnly(file, JsonText.pretty(EncryptedKeyFile.seal(KIND, pub, seed, passphrase, random)));
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  public static KioskCredentials read(Path file, char[] passphrase)
      throws IOException, EncryptedKeyFile.WrongPassphraseException {
    JsonObject json = JsonText.readObject(file);
    Fields pub = Fields.of(EncryptedKeyFile.publicPart(json, KIND), "public");
    if (!pub.has(BOARD_PUBLIC_KEY)) {
      throw new org.evote.crypto.InvalidFieldException(pub.path(BOARD_PUBLIC_KEY), "missing: this credential file "
          + "predates the pinned board key, which the kiosk needs to check the board's receipts; write a new one "
          + "with ./evote server kiosk add");
    }
    if (!pub.has(CHECKPOINT_KEY)) {
      throw new org.evote.crypto.InvalidFieldException(pub.path(CHECKPOINT_KEY), "missing: this credential file "
          + "predates the pinned checkpoint key, which the kiosk needs to check the checkpoints in the board's "
          + "receipts; write a new one with ./evote server kiosk add");
    }
    Ed25519.PublicKey boardKey = new Ed25519.PublicKey(pub.string(BOARD_PUBLIC_KEY));
    VerifierKey checkpointKey = VerifierKey.parse(pub.string(CHECKPOINT_KEY), pub.path(CHECKPOINT_KEY));
    java.util.Optional<TlsFingerprint> tls = java.util.Optional.empty();
    if (pub.has(TlsFingerprint.FIELD)) {
      tls = java.util.Optional.of(TlsFingerprint.parse(pub.string(TlsFingerprint.FIELD),
          pub.path(TlsFingerprint.FIELD)));
    }
    byte[] seed = EncryptedKeyFile.open(json, KIND, passphrase);
    try {
      Ed25519.PrivateKey key = Ed25519.PrivateKey.fromSeedHex(Hex.encode(seed), "seed");
      if (!key.publicKey().hex().equals(pub.string("public_key"))) {
        throw new org.evote.crypto.InvalidFieldException("public.public_key", "does not match the sealed key");
      }
      return new KioskCredentials(pub.id("kiosk_id"), pub.digest("election_hash"), boardKey, checkpointKey,
          key, tls);
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  public String kioskId() {
    return kioskId;
  }

  public Digest electionHash() {
    return electionHash;
  }

  /** The board's public key, pinned at set-up: the kiosk believes only receipts signed with it. */
  public Ed25519.PublicKey boardKey() {
    return boardKey;
  }

  /**
   * The board's checkpoint key (§9.8), pinned at set-up: the kiosk believes only receipts whose checkpoint is
   * signed with it.
   */
  public VerifierKey checkpointKey() {
    return checkpointKey;
  }

  /** The board's TLS certificate fingerprint, pinned by the kiosk; empty: a plain-HTTP board only. */
  public java.util.Optional<TlsFingerprint> tlsFingerprint() {
    return tlsFingerprint;
  }

  /** The signing key — secret. */
  public Ed25519.PrivateKey key() {
    return key;
  }

  @Override
  public String toString() {
    return "KioskCredentials[" + kioskId + ", key redacted]";
  }
}
