package org.evote.launcher.election;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.evote.crypto.keystore.EncryptedKeyFile;
import org.evote.crypto.note.SignatureType;
import org.evote.crypto.note.VerifierKey;
import org.evote.witness.TrustedLogs;
import org.evote.witness.WitnessDir;
import org.evote.witness.WitnessHost;
import org.evote.witness.WitnessName;
import org.evote.witness.WitnessStore;

/**
 * A witness run inside this process: the same keys, database, checks and HTTP API as {@code witness init} and
 * {@code witness serve}, reached by the board over loopback. Made once in its directory; served trusting one log
 * (the board's checkpoint key) from {@link #start} until {@link #close}.
 */
public final class LocalWitness implements AutoCloseable {
  private final WitnessDir dir;
  private final WitnessName name;
  private final List<VerifierKey> keys;
  private final char[] passphrase;
  private final SecureRandom random;
  private WitnessHost served;

  private LocalWitness(WitnessDir dir, WitnessName name, List<VerifierKey> keys, char[] passphrase,
      SecureRandom random) {
    this.dir = dir;
    this.name = name;
    this.keys = List.copyOf(keys);
    this.passphrase = passphrase.clone();
    this.random = random;
  }

  /** Makes a witness named {@code name} in {@code dir} (which must not exist, or be empty), its keys sealed. */
  public static LocalWitness create(Path dir, WitnessName name, char[] passphrase, SecureRandom random)
      throws IOException {
    WitnessDir wd = new WitnessDir(dir);
    List<VerifierKey> keys = WitnessHost.init(wd, name, passphrase.clone(), random);
    return new LocalWitness(wd, name, keys, passphrase, random);
  }

  /** Serves the witness on {@code host:port} (0: any free port), witnessing the log with the key {@code log}. */
  public void start(String host, int port, VerifierKey log) throws IOException {
    if (served != null) {
      throw new IllegalStateException("the witness is already serving");
    }
    try {
      served = WitnessHost.start(dir, passphrase::clone, TrustedLogs.parse(List.of(log.encoded())), host, port,
          random, Clock.systemUTC());
    } catch (EncryptedKeyFile.WrongPassphraseException e) {
      throw new IOException("the witness key did not open: " + e.getMessage(), e);
    }
  }

  public WitnessName name() {
    return name;
  }

  /** Its cosignature verifier keys, as {@code witness init} prints them: Ed25519 (0x04), then ML-DSA-44 (0x06). */
  public List<VerifierKey> verifierKeys() {
    return keys;
  }

  /** Its verifier key of cosignature type {@code type}. */
  public VerifierKey key(SignatureType type) {
    return keys.stream().filter(k -> k.type() == type).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("a witness has no " + type + " key"));
  }

  /** The witness's base URL (the prefix of {@code add-checkpoint} and of the monitoring API). */
  public URI uri() {
    if (served == null) {
      throw new IllegalStateException("the witness is not serving");
    }
    return served.loopbackUri();
  }

  /** Where monitors read its latest cosigned checkpoint of {@code origin}: {@code <url>/<hex SHA-256>/checkpoint}. */
  public URI monitoringUri(String origin) {
    return URI.create(uri() + "/" + WitnessStore.originHash(origin) + "/checkpoint");
  }

  public Path dir() {
    return dir.dir();
  }

  /** Stops serving and releases the directory; {@link #start} serves it again. */
  public void stop() {
    if (served != null) {
      served.close();
      served = null;
    }
  }

  @Override
  public void close() {
    stop();
    Arrays.fill(passphrase, '\0');
  }
}
