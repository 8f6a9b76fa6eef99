package org.evote.kiosk;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import javax.net.ssl.SSLException;
import org.evote.board.client.BoardUnavailableException;

/**
 * A problem that stops the kiosk from starting, as the one line a poll worker or technician reads (never a stack
 * trace): which file or board, and why.
 */
final class StartupError extends Exception {
  private static final long serialVersionUID = 1L;

  StartupError(String line) {
    super(line);
  }

  /** Refuses a file given with {@code option} that is missing or unreadable, naming it. */
  static void requireFile(Path file, String what, String option) throws StartupError {
    if (file == null) {
      return;
    }
    if (!Files.exists(file)) {
      throw new StartupError(what + " " + file + " does not exist (" + option + ")");
    }
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new StartupError(what + " " + file + " cannot be read (" + option + ")");
    }
  }

  /** Why the board at {@code server} could not be reached, in words. */
  static String unreachable(java.net.URI server, BoardUnavailableException u) {
    return "the board at " + server + " cannot be reached: " + reason(u);
  }

  /** The reason of a transport failure, from its causes: refused, timed out, unknown host, TLS. */
  static String reason(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof BoardUnavailableException u && u.wrongCertificate()) {
        return u.getMessage();
      }
      if (c instanceof ConnectException) {
        return "connection refused (is the board running, and is this its address and port?)";
      }
      if (c instanceof BoardUnavailableException u && u.timedOut()) {
        return "no answer in time (check the network and the board's address)";
      }
      if (c instanceof UnknownHostException) {
        return "unknown host " + c.getMessage();
      }
      if (c instanceof SSLException) {
        return "TLS failed" + (c.getMessage() == null ? "" : ": " + c.getMessage());
      }
    }
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c.getMessage() != null && !c.getMessage().isBlank()) {
        return c.getMessage();
      }
    }
    return e.getClass().getSimpleName();
  }

  /** One line for a file problem met while reading {@code file}. */
  static String fileProblem(Path file, IOException e) {
    if (e instanceof NoSuchFileException) {
      return file + " does not exist";
    }
    if (e instanceof AccessDeniedException) {
      return file + " cannot be read (permission denied)";
    }
    return file + " cannot be read: " + reason(e);
  }
}
