package org.evote.server.http;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The latest {@code Evote-Time} of an administrator request the board ever accepted, kept durably in its data
 * directory ({@code admin-time.txt}, one decimal number): nonces are kept in memory only, so a restarted board
 * refuses every request dated at or before the mark its earlier runs left ({@link #previousRuns}) — including one
 * dated up to a minute ahead that an earlier run accepted just before it stopped (docs/api.md, "Administrators").
 * The mark is advanced, and made durable, before an accepted request is acted on.
 */
public final class AdminTimeMark {
  private final Path file;
  private final long previousRuns;
  private long current;

  private AdminTimeMark(Path file, long previousRuns) {
    this.file = file;
    this.previousRuns = previousRuns;
    this.current = previousRuns;
  }

  /** The mark in {@code file} (0 if there is none yet). */
  public static AdminTimeMark load(Path file) throws IOException {
    if (!Files.exists(file)) {
      return new AdminTimeMark(file, 0);
    }
    String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
    if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IOException(file + ": not a time in Unix seconds; it holds the latest administrator request time "
          + "the board accepted");
    }
    return new AdminTimeMark(file, Long.parseLong(text));
  }

  /**
   * Waits until {@code clock} is past the mark of the earlier runs if that takes at most {@code maxSeconds}: a
   * board restarted within a second or two of its last administrator request then accepts requests at once
   * (dated after its start, so after the mark). A mark further ahead (a request dated ahead by an administrator's
   * fast clock) is not waited for: requests dated before it are refused, saying why, until the clock passes it.
   */
  public void awaitPast(java.time.Clock clock, long maxSeconds) throws InterruptedException {
    long now = clock.instant().getEpochSecond();
    if (previousRuns - now > maxSeconds) {
      return;
    }
    while (clock.instant().getEpochSecond() <= previousRuns) {
      Thread.sleep(20);
    }
  }

  /** The latest request time accepted by the board's earlier runs (0 if none). */
  long previousRuns() {
    return previousRuns;
  }

  /** Makes {@code time} the mark, durably, if it is later than the mark. */
  synchronized void advance(long time) throws IOException {
    if (time <= current) {
      return;
    }
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      out.write(java.nio.ByteBuffer.wrap((time + "\n").getBytes(StandardCharsets.US_ASCII)));
      out.force(true);
    }
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    try (FileChannel dir = FileChannel.open(file.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      // some file systems cannot sync a directory; the rename itself is atomic
    }
    current = time;
  }
}
