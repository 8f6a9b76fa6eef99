package org.evote.launcher.election;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The demo's {@code --out} folder and {@code --port}, checked before the key ceremony: a port in use is found before
 * anything is written, and a folder left half-filled by a run that failed is marked as such ({@link #UNFINISHED}) so
 * the next run with the same {@code --out} starts it again there instead of refusing it. A folder without the mark
 * that is not empty is never touched.
 */
final class DemoFolder {
  /** The mark of a demo folder whose run has not finished; removed when it has. */
  static final String UNFINISHED = ".evote-demo-unfinished";

  private DemoFolder() {}

  /** Refuses a {@code --port} (not 0) that cannot be bound on 127.0.0.1 now. */
  static void requirePortFree(int port) throws IOException {
    if (port == 0) {
      return;
    }
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true);
      s.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    } catch (IOException e) {
      throw new IOException("--port " + port + ": the port is in use on 127.0.0.1 (another program listens "
          + "there); choose another --port, or leave it out for any free port. Nothing was written", e);
    }
  }

  /**
   * Makes {@code out} ready: created if missing; an empty folder is used; a folder an unfinished demo left is
   * emptied and used again (said on {@code log}); any other folder that is not empty is refused.
   */
  static void prepare(Path out, PrintStream log) throws IOException {
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new IOException("--out " + out + " is a file; choose a folder that does not exist or is empty");
    }
    if (Files.isDirectory(out) && !isEmpty(out)) {
      if (!Files.exists(out.resolve(UNFINISHED))) {
        throw new IOException("--out " + out + " already exists and is not empty; choose another --out");
      }
      log.printf("%s holds a demo that did not finish; starting it again there%n", out);
      emptyFolder(out);
    }
    Files.createDirectories(out);
    Files.writeString(out.resolve(UNFINISHED), "a demo run started here and has not finished; ./evote demo with "
        + "this --out starts it again\n");
  }

  /** The run finished (whatever its outcome): the folder is a complete demo, kept by the next run. */
  static void finished(Path out) throws IOException {
    Files.deleteIfExists(out.resolve(UNFINISHED));
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (var entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }

  private static void emptyFolder(Path dir) throws IOException {
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        if (!d.equals(dir)) {
          Files.delete(d);
        }
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
