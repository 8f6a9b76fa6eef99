package org.evote.tally.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Locale;
import org.evote.crypto.manifest.Manifest;
import org.evote.tally.service.ManifestReview;
import picocli.CommandLine.Option;

/**
 * The key ceremony's confirmation of the manifest on the command line ({@link ManifestReview}): the warnings are
 * printed, then the official answers y or N on the console; scripts pass {@code --accept-manifest-warnings}; without
 * a console and without the flag the ceremony is refused, naming the flag.
 */
final class ManifestConfirmation {
  static final String FLAG = "--accept-manifest-warnings";

  @Option(names = FLAG, description = "run the ceremony even if the manifest has selections without a name or "
      + "untranslated text (they are printed all the same); for scripts. Without it they are confirmed on the "
      + "console")
  boolean accepted;

  /** The official's answer: prints the warnings to {@code err}; true to go on. On false it said why. */
  boolean confirm(Manifest manifest, PrintStream err) throws IOException {
    ManifestReview review = ManifestReview.of(manifest);
    if (!review.hasWarnings()) {
      return true;
    }
    print(review, err);
    if (accepted) {
      err.println("Accepted with " + FLAG + ".");
      return true;
    }
    java.io.Console console = System.console();
    if (console == null) {
      err.println("error: no console to confirm the manifest on; read the warnings above and pass " + FLAG
          + " to run the ceremony with this manifest (nothing was written)");
      return false;
    }
    if (!ask(console.reader() instanceof BufferedReader b ? b : new BufferedReader(console.reader()),
        console.writer())) {
      err.println("error: the manifest was refused; nothing was written. Fix the manifest and run the ceremony "
          + "again");
      return false;
    }
    return true;
  }

  /** The exit code of a refusal: 2 without a console (a usage error: the flag was missing), 1 if refused. */
  static int refusedCode() {
    return System.console() == null ? 2 : 1;
  }

  /** The warnings, one a line, under a heading that says what they mean. */
  static void print(ManifestReview review, PrintStream err) {
    err.println("The manifest has " + review.count() + " warning" + (review.count() == 1 ? "" : "s")
        + " to confirm before the key ceremony fixes it (after the ceremony it cannot change):");
    for (String line : review.lines()) {
      err.println("  warning: " + line);
    }
  }

  /** Asks "Run the key ceremony with this manifest? [y/N]"; only y or yes goes on. */
  static boolean ask(BufferedReader in, PrintWriter out) throws IOException {
    out.print("Run the key ceremony with this manifest? [y/N] ");
    out.flush();
    String answer = in.readLine();
    if (answer == null) {
      return false;
    }
    String a = answer.strip().toLowerCase(Locale.ROOT);
    return a.equals("y") || a.equals("yes");
  }
}
