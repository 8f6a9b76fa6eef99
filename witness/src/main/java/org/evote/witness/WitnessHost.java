package org.evote.witness;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.keystore.EncryptedKeyFile;
import org.evote.crypto.keystore.Loopback;
import org.evote.crypto.keystore.SecretFiles;
import org.evote.crypto.keystore.TlsFingerprint;
import org.evote.crypto.keystore.TlsIdentity;
import org.evote.crypto.note.VerifierKey;

/**
 * A witness served over HTTPS (or plain HTTP on loopback) from its data directory: {@link #init} makes the directory once; {@link #start} takes
 * its lock, opens the keys with their passphrase and the database, and serves {@link WitnessApi}. A start that fails
 * at any step leaves nothing open and the lock released.
 */
public final class WitnessHost implements AutoCloseable {
  /** Where the key file's passphrase comes from; asked for only once the lock is held. */
  @FunctionalInterface
  public interface Passphrase {
    /** A fresh array, which the host wipes once the keys are open. */
    char[] read() throws IOException;
  }

  private final WitnessDir.Lock lock;
  private final WitnessStore store;
  private final Javalin app;
  private final Witness witness;
  private final boolean https;
  private boolean closed;

  private WitnessHost(WitnessDir.Lock lock, WitnessStore store, Javalin app, Witness witness, boolean https) {
    this.lock = lock;
    this.store = store;
    this.app = app;
    this.witness = witness;
    this.https = https;
  }

  /** How the witness is served: HTTPS with its own certificate, or plain HTTP on loopback only. */
  public enum Transport { HTTPS, PLAIN_HTTP }

  /** The names of a witness's self-signed TLS certificate when none are given: this machine's loopback. */
  public static final List<String> DEFAULT_TLS_NAMES = List.of("localhost", "127.0.0.1", "::1");

  /** {@link #init(WitnessDir, WitnessName, List, char[], SecureRandom)} for {@link #DEFAULT_TLS_NAMES}. */
  public static List<VerifierKey> init(WitnessDir dir, WitnessName name, char[] passphrase, SecureRandom random)
      throws IOException {
    return init(dir, name, DEFAULT_TLS_NAMES, passphrase, random);
  }

  /**
   * Makes a witness in {@code dir} (which must not exist, or be empty): its two keys named {@code name} and a
   * self-signed TLS certificate for {@code tlsNames}, sealed under {@code passphrase} (wiped), and an empty
   * database. Returns the verifier keys to publish ({@link #tlsFingerprint} gives the certificate's).
   */
  public static List<VerifierKey> init(WitnessDir dir, WitnessName name, List<String> tlsNames, char[] passphrase,
      SecureRandom random) throws IOException {
    try {
      if (passphrase.length < 8) {
        throw new InvalidFieldException("passphrase", "a passphrase needs at least 8 characters");
      }
      if (dir.inUse()) {
        throw new InvalidFieldException("data", dir.dir() + " already exists and is not empty: a witness is made "
            + "once, in a new directory (its keys and state are never overwritten)");
      }
      TlsIdentity tls = TlsIdentity.selfSigned(tlsNames, random, java.time.Instant.now());
      dir.createPrivately();
      WitnessKeys keys = WitnessKeys.generate(name, random);
      try {
        keys.write(dir.keyFile(), passphrase, random);
        SecretFiles.writeOwnerOnly(dir.tlsKeyFile(), JsonText.pretty(tls.seal(passphrase, random)));
        Files.writeString(dir.tlsCertificateFile(), tls.certificatePem());
        WitnessStore.create(dir.database());
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(dir.keyFile());
        Files.deleteIfExists(dir.tlsKeyFile());
        Files.deleteIfExists(dir.tlsCertificateFile());
        Files.deleteIfExists(dir.database());
        throw e;
      }
      return keys.verifierKeys();
    } finally {
      Arrays.fill(passphrase, '\0');
    }
  }

  /** The fingerprint of the witness's TLS certificate (SHA-256 of its DER), without the passphrase. */
  public static TlsFingerprint tlsFingerprint(WitnessDir dir) throws IOException {
    return TlsIdentity.sealedFingerprint(JsonText.readObject(dir.tlsKeyFile()));
  }

  /**
   * Serves the witness in {@code dir} on {@code host:port} (0: any free port) for the {@code logs} it trusts, over
   * plain HTTP on loopback.
   */
  public static WitnessHost start(WitnessDir dir, Passphrase passphrase, TrustedLogs logs, String host, int port,
      SecureRandom random, Clock clock) throws IOException, EncryptedKeyFile.WrongPassphraseException {
    return start(dir, passphrase, Transport.PLAIN_HTTP, logs, host, port, random, clock);
  }

  /**
   * As above, over {@code transport}.
   *
   * @throws InvalidFieldException for plain HTTP on an address other than loopback, naming {@code host}
   */
  public static WitnessHost start(WitnessDir dir, Passphrase passphrase, Transport transport, TrustedLogs logs,
      String host, int port, SecureRandom random, Clock clock)
      throws IOException, EncryptedKeyFile.WrongPassphraseException {
    if (transport == Transport.PLAIN_HTTP && !Loopback.isLoopback(host)) {
      throw new InvalidFieldException("host", "plain HTTP is served only on loopback (127.0.0.1, ::1 or "
          + "localhost), not on " + host + ": over a network the witness speaks HTTPS (serve without --plain-http)");
    }
    if (!dir.exists()) {
      throw new InvalidFieldException("data", "no witness in " + dir.dir() + " (make one with witness init)");
    }
    WitnessDir.Lock lock = dir.lock();
    WitnessStore store = null;
    try {
      WitnessKeys keys;
      Optional<TlsIdentity> tls = Optional.empty();
      char[] p = passphrase.read();
      try {
        keys = WitnessKeys.open(dir.keyFile(), p, random);
        if (transport == Transport.HTTPS) {
          if (!Files.isRegularFile(dir.tlsKeyFile())) {
            throw new InvalidFieldException("data", "the witness in " + dir.dir() + " has no TLS certificate (made "
                + "before witnesses spoke HTTPS): serve it with --plain-http on loopback, or make a new one");
          }
          tls = Optional.of(TlsIdentity.open(JsonText.readObject(dir.tlsKeyFile()), p));
        }
      } finally {
        Arrays.fill(p, '\0');
      }
      store = WitnessStore.open(dir.database());
      Witness witness = new Witness(logs, keys, store, clock);
      Javalin app = tls.isPresent()
          ? WitnessApi.create(witness, Optional.of(new WitnessTls(tls.get(), host, port))).start()
          : WitnessApi.create(witness).start(host, port);
      return new WitnessHost(lock, store, app, witness, tls.isPresent());
    } catch (IOException | EncryptedKeyFile.WrongPassphraseException | RuntimeException e) {
      if (store != null) {
        store.close();
      }
      release(lock);
      throw e;
    }
  }

  public int port() {
    return app.port();
  }

  /** The witness's address over loopback ({@code https://} when it serves HTTPS). */
  public URI loopbackUri() {
    return URI.create((https ? "https" : "http") + "://127.0.0.1:" + port());
  }

  public Witness witness() {
    return witness;
  }

  /** The open database (for the tests' look at the evidence kept). */
  WitnessStore store() {
    return store;
  }

  /** Stops serving, closes the database and releases the directory (once). */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    app.stop();
    store.close();
    release(lock);
  }

  private static void release(WitnessDir.Lock lock) {
    try {
      lock.close();
    } catch (IOException e) {
      // the lock goes with the file channel
    }
  }
}
