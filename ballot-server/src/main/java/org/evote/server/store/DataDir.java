package org.evote.server.store;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Arrays;
import org.evote.crypto.verify.ElectionChecks;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.group.Hex;
import org.evote.crypto.json.Fields;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.keystore.EncryptedKeyFile;
import org.evote.crypto.note.Ed25519NoteSigner;
import org.evote.crypto.note.VerifierKey;

/**
 * The board's data directory: {@code board.sqlite} (the board), {@code election.json} (the election it serves),
 * {@code board-key.json} (the board's Ed25519 signing key, sealed under a passphrase), {@code checkpoint-key.json}
 * (the board's C2SP note key, sealed the same way, protocol §9.8), {@code checkpoint.txt} (the newest checkpoint
 * the board signed before giving a receipt, kept apart from the database), {@code tls-key.json} (the board's TLS
 * certificate and its private key, sealed the same way) with {@code tls-cert.pem} (the certificate, public) and a
 * lock file held by the one process that may write the database at a time.
 */
public final class DataDir {
  public static final String BOARD_KEY_KIND = "evote-board-key";
  public static final String CHECKPOINT_KEY_KIND = "evote-checkpoint-key";
  private final Path dir;

  public DataDir(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  public Path database() {
    return dir.resolve("board.sqlite");
  }

  public Path electionFile() {
    return dir.resolve("election.json");
  }

  public Path boardKeyFile() {
    return dir.resolve("board-key.json");
  }

  public Path checkpointKeyFile() {
    return dir.resolve("checkpoint-key.json");
  }

  /** The newest checkpoint the board signed before giving a receipt (§9.8), written apart from the database. */
  public Path checkpointFile() {
    return dir.resolve("checkpoint.txt");
  }

  /** The witnesses' cosignatures of the board's checkpoints (§9.8). */
  public Path cosignatureDatabase() {
    return dir.resolve("cosignatures.sqlite");
  }

  /** The board's TLS identity: certificate chain and fingerprint in the clear, private key sealed. */
  public Path tlsKeyFile() {
    return dir.resolve("tls-key.json");
  }

  /** The board's TLS certificate chain as PEM (public: for operators and browsers). */
  public Path tlsCertificateFile() {
    return dir.resolve("tls-cert.pem");
  }

  /** Writes the sealed TLS identity and its certificate beside it. */
  public void writeTlsIdentity(org.evote.crypto.keystore.TlsIdentity tls, char[] passphrase, SecureRandom random)
      throws IOException {
    createPrivately();
    org.evote.crypto.keystore.SecretFiles.writeOwnerOnly(tlsKeyFile(), JsonText.pretty(tls.seal(passphrase,
        random)));
    java.nio.file.Files.writeString(tlsCertificateFile(), tls.certificatePem());
  }

  /**
   * The fingerprint of the board's TLS certificate, from the sealed file's public part (no passphrase needed);
   * empty for a board made before the board spoke HTTPS.
   */
  public java.util.Optional<org.evote.crypto.keystore.TlsFingerprint> tlsFingerprint() throws IOException {
    if (!Files.exists(tlsKeyFile())) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(org.evote.crypto.keystore.TlsIdentity.sealedFingerprint(
        JsonText.readObject(tlsKeyFile())));
  }

  /** Opens the TLS identity with the board's passphrase. */
  public org.evote.crypto.keystore.TlsIdentity tlsIdentity(char[] passphrase)
      throws IOException, EncryptedKeyFile.WrongPassphraseException {
    if (!Files.exists(tlsKeyFile())) {
      throw new java.nio.file.NoSuchFileException(tlsKeyFile().toString(), null, "this board has no TLS "
          + "certificate (it was made before the board spoke HTTPS): serve it with --plain-http on loopback, or "
          + "make a new board with init");
    }
    return org.evote.crypto.keystore.TlsIdentity.open(JsonText.readObject(tlsKeyFile()), passphrase);
  }

  /** The latest time of an administrator request the board accepted, across its runs (docs/api.md). */
  public Path adminTimeFile() {
    return dir.resolve("admin-time.txt");
  }

  public Path adminCredentialsFile() {
    return dir.resolve("admin.credentials");
  }

  /**
   * The marker of a practice board ({@code init --practice}): ballots cast on it are never counted, and the board
   * says {@code "practice": true} in its status and election, so kiosks and the observer page say so on every
   * screen. Written by {@code init} only, kept in the data directory (it survives restarts and is copied with it).
   */
  public Path practiceFile() {
    return dir.resolve("practice.json");
  }

  /** Whether this is a practice board. */
  public boolean isPractice() {
    return Files.isRegularFile(practiceFile());
  }

  /** Marks this board as a practice board, or (false) removes any marker a failed earlier init left. */
  public void markPractice(boolean practice) throws IOException {
    if (!practice) {
      Files.deleteIfExists(practiceFile());
      return;
    }
    Files.writeString(practiceFile(), JsonText.object().add("practice", true).add("note", "a practice board: "
        + "ballots cast here are never counted").build().toString() + "\n");
  }

  public boolean exists() {
    return Files.exists(database());
  }

  /** The election, with every published hash checked. */
  public ElectionConfig election() throws IOException {
    return ElectionChecks.accept(JsonText.readObject(electionFile()));
  }

  /** Creates the directory readable by its owner only, where the file system allows it. */
  public void createPrivately() throws IOException {
    org.evote.crypto.keystore.SecretFiles.createOwnerOnlyDirectory(dir);
  }

  /** Writes the election file and the sealed board key. */
  public void writeElectionAndKey(JsonObject election, Ed25519.PrivateKey boardKey, char[] passphrase,
      SecureRandom random) throws IOException {
    createPrivately();
    JsonText.write(electionFile(), election);
    byte[] seed = Hex.decode(boardKey.seedHex(), 32, "seed");
    try {
      JsonObject pub = JsonText.object().add("board_public_key", boardKey.publicKey().hex())
          .add("extended_hash", election.getString("extended_hash")).build();
      org.evote.crypto.keystore.SecretFiles.writeOwnerOnly(boardKeyFile(), JsonText.pretty(
          EncryptedKeyFile.seal(BOARD_KEY_KIND, pub, seed, passphrase, random)));
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  /** Opens the board key with its passphrase. */
  public Ed25519.PrivateKey boardKey(char[] passphrase) throws IOException, EncryptedKeyFile.WrongPassphraseException {
    JsonObject file = JsonText.readObject(boardKeyFile());
    byte[] seed = EncryptedKeyFile.open(file, BOARD_KEY_KIND, passphrase);
    try {
      Ed25519.PrivateKey key = Ed25519.PrivateKey.fromSeedHex(Hex.encode(seed), "seed");
      String expected = Fields.of(EncryptedKeyFile.publicPart(file, BOARD_KEY_KIND)).string("board_public_key");
      if (!key.publicKey().hex().equals(expected)) {
        throw new org.evote.crypto.InvalidFieldException("public.board_public_key", "does not match the sealed key");
      }
      return key;
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  /** Writes the sealed checkpoint key; its public part carries the verifier key (vkey). */
  public void writeCheckpointKey(Ed25519NoteSigner key, char[] passphrase, SecureRandom random) throws IOException {
    createPrivately();
    byte[] seed = Hex.decode(key.seedHex(), 32, "seed");
    try {
      JsonObject pub = JsonText.object().add("checkpoint_key", key.verifierKey().encoded()).build();
      org.evote.crypto.keystore.SecretFiles.writeOwnerOnly(checkpointKeyFile(), JsonText.pretty(
          EncryptedKeyFile.seal(CHECKPOINT_KEY_KIND, pub, seed, passphrase, random)));
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  /** The checkpoint key's verifier key, read from the sealed file's public part (no passphrase needed). */
  public VerifierKey checkpointVerifierKey() throws IOException {
    JsonObject file = JsonText.readObject(checkpointKeyFile());
    return VerifierKey.parse(Fields.of(EncryptedKeyFile.publicPart(file, CHECKPOINT_KEY_KIND))
        .string("checkpoint_key"), "public.checkpoint_key");
  }

  /** Opens the checkpoint key with the board's passphrase. */
  public Ed25519NoteSigner checkpointKey(char[] passphrase)
      throws IOException, EncryptedKeyFile.WrongPassphraseException {
    VerifierKey expected = checkpointVerifierKey();
    byte[] seed = EncryptedKeyFile.open(JsonText.readObject(checkpointKeyFile()), CHECKPOINT_KEY_KIND, passphrase);
    try {
      Ed25519NoteSigner key = Ed25519NoteSigner.fromSeedHex(expected.name(), Hex.encode(seed), "seed");
      if (!key.verifierKey().equals(expected)) {
        throw new org.evote.crypto.InvalidFieldException("public.checkpoint_key", "does not match the sealed key");
      }
      return key;
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  /** The exclusive right to write the database, held while serving or editing offline. */
  public final class Lock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private Lock(FileChannel channel, FileLock lock) {
      this.channel = channel;
      this.lock = lock;
    }

    @Override
    public void close() throws IOException {
      lock.release();
      channel.close();
    }
  }

  /** Takes the write lock, or fails at once if another process (a running server) holds it. */
  public Lock lock() throws IOException {
    createPrivately();
    FileChannel ch = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock l;
    try {
      l = ch.tryLock();
    } catch (OverlappingFileLockException e) {
      l = null;
    }
    if (l == null) {
      ch.close();
      throw new IOException("the board in " + dir + " is in use by another process (a running server?)");
    }
    return new Lock(ch, l);
  }
}
