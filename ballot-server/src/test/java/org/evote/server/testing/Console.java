package org.evote.server.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.ToIntFunction;

/**
 * A program's command line run in this process ({@code BallotServer::run}, {@code TallyTool::run}, {@code
 * Evote::run}): its exit code and what it printed on standard output and on standard error. Runs are serialized,
 * as they swap {@link System#out} and {@link System#err}.
 */
public record Console(int code, String out, String err) {
  public static synchronized Console run(ToIntFunction<String[]> program, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      int code = program.applyAsInt(args);
      return new Console(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  /** Everything printed: standard output, then standard error. */
  public String printed() {
    return out + err;
  }
}
