package org.evote.witness;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.keystore.EncryptedKeyFile;
import org.evote.crypto.note.VerifierKey;

/**
 * A witness served over HTTP from its data directory: {@link #init} makes the directory once; {@link #start} takes
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
  private boolean closed;

  private WitnessHost(WitnessDir.Lock lock, WitnessStore store, Javalin app, Witness witness) {
    this.lock = lock;
    this.store = store;
    this.app = app;
    this.witness = witness;
  }

  /**
   * Makes a witness in {@code dir} (which must not exist, or be empty): its two keys named {@code name}, sealed
   * under {@code passphrase} (wiped), and an empty database. Returns the verifier keys to publish.
   */
  public static List<VerifierKey> init(WitnessDir dir, WitnessName name, char[] passphrase, SecureRandom random)
      throws IOException {
    try {
      if (passphrase.length < 8) {
        throw new InvalidFieldException("passphrase", "a passphrase needs at least 8 characters");
      }
      if (dir.inUse()) {
        throw new InvalidFieldException("data", dir.dir() + " already exists and is not empty: a witness is made "
            + "once, in a new directory (its keys and state are never overwritten)");
      }
      dir.createPrivately();
      WitnessKeys keys = WitnessKeys.generate(name, random);
      try {
        keys.write(dir.keyFile(), passphrase, random);
        WitnessStore.create(dir.database());
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(dir.keyFile());
        Files.deleteIfExists(dir.database());
        throw e;
      }
      return keys.verifierKeys();
    } finally {
      Arrays.fill(passphrase, '\0');
    }
  }

  /** Serves the witness in {@code dir} on {@code host:port} (0: any free port) for the {@code logs} it trusts. */
  public static WitnessHost start(WitnessDir dir, Passphrase passphrase, TrustedLogs logs, String host, int port,
      SecureRandom random, Clock clock) throws IOException, EncryptedKeyFile.WrongPassphraseException {
    if (!dir.exists()) {
      throw new InvalidFieldException("data", "no witness in " + dir.dir() + " (make one with witness init)");
    }
    WitnessDir.Lock lock = dir.lock();
    WitnessStore store = null;
    try {
      WitnessKeys keys;
      char[] p = passphrase.read();
      try {
        keys = WitnessKeys.open(dir.keyFile(), p, random);
      } finally {
        Arrays.fill(p, '\0');
      }
      store = WitnessStore.open(dir.database());
      Witness witness = new Witness(logs, keys, store, clock);
      Javalin app = WitnessApi.create(witness).start(host, port);
      return new WitnessHost(lock, store, app, witness);
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

  /** The witness's address over loopback. */
  public URI loopbackUri() {
    return URI.create("http://127.0.0.1:" + port());
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
