package org.evote.witness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.evote.crypto.keystore.EncryptedKeyFile;
import org.evote.crypto.note.VerifierKey;

/** A real witness made with {@code init} in a temporary directory, served on a random loopback port. */
final class TestWitness implements AutoCloseable {
  static final String PASSPHRASE = "correct horse battery";
  static final String NAME = "witness.example.org/w1";
  final WitnessDir dir;
  final Path passphraseFile;
  final List<VerifierKey> vkeys;
  private WitnessHost host;
  WitnessClient client;

  private TestWitness(WitnessDir dir, Path passphraseFile, List<VerifierKey> vkeys) {
    this.dir = dir;
    this.passphraseFile = passphraseFile;
    this.vkeys = vkeys;
  }

  /** Makes a witness under {@code tmp} (not yet serving). */
  static TestWitness init(Path tmp, SecureRandom random) throws IOException {
    Path pass = tmp.resolve("witness.pass");
    Files.writeString(pass, PASSPHRASE + "\n");
    WitnessDir dir = new WitnessDir(tmp.resolve("witness"));
    List<VerifierKey> vkeys = WitnessHost.init(dir, new WitnessName(NAME), PASSPHRASE.toCharArray(), random);
    return new TestWitness(dir, pass, vkeys);
  }

  /** Serves it, trusting {@code logs}. */
  TestWitness serve(SecureRandom random, TestLog... logs) throws IOException, EncryptedKeyFile.WrongPassphraseException {
    return serve(random, Clock.systemUTC(), logs);
  }

  /** Serves it, trusting {@code logs}, cosigning at the times {@code clock} tells. */
  TestWitness serve(SecureRandom random, Clock clock, TestLog... logs)
      throws IOException, EncryptedKeyFile.WrongPassphraseException {
    List<String> vkeys = java.util.Arrays.stream(logs).map(l -> l.vkey().encoded()).toList();
    host = WitnessHost.start(dir, PASSPHRASE::toCharArray, TrustedLogs.parse(vkeys), "127.0.0.1", 0, random,
        clock);
    client = new WitnessClient(host.loopbackUri());
    return this;
  }

  WitnessHost host() {
    return host;
  }

  /** Stops serving (the data directory stays). */
  void stop() {
    if (host != null) {
      host.close();
      host = null;
    }
  }

  @Override
  public void close() {
    stop();
  }
}
