package org.evote.witness;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;
import org.evote.crypto.keystore.SecretFiles;

/**
 * A witness's data directory: {@code witness-key.json} (its two cosigning keys, sealed under a passphrase),
 * {@code witness.sqlite} (the latest checkpoint it cosigned for each log, and the evidence it kept), {@code
 * tls-key.json} (its TLS certificate and private key, sealed under the same passphrase) with {@code tls-cert.pem}
 * (the certificate, public) and a lock file held by the one process serving it.
 */
public final class WitnessDir {
  private final Path dir;

  public WitnessDir(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  public Path keyFile() {
    return dir.resolve("witness-key.json");
  }

  /** The witness's TLS identity: certificate chain and fingerprint in the clear, private key sealed. */
  public Path tlsKeyFile() {
    return dir.resolve("tls-key.json");
  }

  /** Its TLS certificate as PEM (public). */
  public Path tlsCertificateFile() {
    return dir.resolve("tls-cert.pem");
  }

  public Path database() {
    return dir.resolve("witness.sqlite");
  }

  /** True once {@code witness init} has made this directory. */
  public boolean exists() {
    return Files.isRegularFile(keyFile()) && Files.isRegularFile(database());
  }

  /** True if the path exists and holds anything: {@code init} refuses it. */
  public boolean inUse() throws IOException {
    if (!Files.exists(dir)) {
      return false;
    }
    if (!Files.isDirectory(dir)) {
      return true;
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isPresent();
    }
  }

  /** Creates the directory readable by its owner only, where the file system allows it. */
  public void createPrivately() throws IOException {
    SecretFiles.createOwnerOnlyDirectory(dir);
  }

  /** The exclusive right to serve this directory; refused while another process holds it. */
  public Lock lock() throws IOException {
    FileChannel channel = FileChannel.open(dir.resolve("witness.lock"), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE);
    try {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        channel.close();
        throw new IOException("another process is serving the witness in " + dir);
      }
      return new Lock(channel, lock);
    } catch (OverlappingFileLockException e) {
      channel.close();
      throw new IOException("the witness in " + dir + " is already being served by this process");
    }
  }

  /** Held while serving. */
  public static final class Lock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private Lock(FileChannel channel, FileLock lock) {
      this.channel = channel;
      this.lock = lock;
    }

    @Override
    public void close() throws IOException {
      try {
        lock.release();
      } finally {
        channel.close();
      }
    }
  }
}
