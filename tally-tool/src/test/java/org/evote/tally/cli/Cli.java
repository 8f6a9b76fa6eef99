package org.evote.tally.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.evote.tally.TallyTool;

/** Runs {@code ./evote tally} in this JVM and keeps what it printed and its exit code. */
record Cli(int code, String out, String err) {
  static synchronized Cli tally(String... args) {
    return tallyWithInput("", args);
  }

  /** With {@code input} on standard input (what a person would type). */
  static synchronized Cli tallyWithInput(String input, String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    InputStream in = System.in;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
      int code = TallyTool.run(args);
      return new Cli(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
      System.setIn(in);
    }
  }

  String printed() {
    return out + err;
  }
}
