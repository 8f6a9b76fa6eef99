package org.evote.server.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.evote.crypto.note.SignedNote;

/**
 * The newest checkpoint the board signed before giving a receipt (protocol §9.8), kept in its own file apart from
 * the database so that a database that lost its tail is caught at the next start. Replaced atomically and durably:
 * a temporary file written and synced, renamed over the old one, and the directory synced.
 */
public final class CheckpointFile {
  private final Path file;

  public CheckpointFile(Path file) {
    this.file = file;
  }

  public Path path() {
    return file;
  }

  /** Replaces the file with {@code note}; returns only once the new content is durable. */
  public void write(SignedNote note) throws IOException {
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer b = ByteBuffer.wrap(note.bytes());
      while (b.hasRemaining()) {
        ch.write(b);
      }
      ch.force(true);
    }
    try {
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }
    syncDirectory(file.toAbsolutePath().getParent());
  }

  /** The stored checkpoint, parsed but not verified; empty if there is no file. */
  public Optional<SignedNote> read() throws IOException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    if (Files.size(file) > SignedNote.MAX_BYTES) {
      throw new IOException(file + " is larger than a checkpoint can be");
    }
    return Optional.of(SignedNote.parse(Files.readAllBytes(file)));
  }

  private static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // Some platforms cannot open a directory; the rename is then as durable as they make it.
    }
  }
}
