package org.evote.system;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.ToIntFunction;

/** Runs a program's command line in this process and keeps its exit code and everything it printed. */
record Console(int code, String out) {
  static synchronized Console run(ToIntFunction<String[]> program, String... args) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    PrintStream both = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    System.setOut(both);
    System.setErr(both);
    try {
      int code = program.applyAsInt(args);
      return new Console(code, buffer.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }
}
