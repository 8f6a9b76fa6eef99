package org.evote.tally;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The officials' offline tool: key ceremony, election notice, verification, mix, challenged-ballot checks, publishing,
 * desktop app. */
@Command(name = "./evote tally", mixinStandardHelpOptions = true, version = "evote tally 0.1.0",
    description = "Election officials' offline tool.",
    subcommands = {org.evote.tally.cli.CeremonyCommand.class,
        org.evote.tally.cli.VerifyCommand.class, org.evote.tally.cli.MixCommand.class,
        org.evote.tally.cli.TallyCommand.class,
        org.evote.tally.cli.ChallengedCommand.class, org.evote.tally.cli.PublishCommand.class,
        org.evote.tally.cli.NoticeCommand.class, org.evote.tally.cli.FetchCommand.class,
        org.evote.tally.cli.GuiCommand.class})
public final class TallyTool {
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code (for tests). */
  public static int run(String... args) {
    CommandLine cl = new CommandLine(new TallyTool());
    cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
      cmd.getErr().println("error: " + describe(e));
      return e instanceof org.evote.tally.cli.InputFileException ? 2 : 1;
    });
    return cl.execute(args);
  }

  /** One line for an official: never a bare path or an exception's class name where a sentence can be said. */
  static String describe(Exception e) {
    if (e instanceof java.nio.file.NoSuchFileException n) {
      return n.getReason() != null ? n.getReason() : "no such file " + n.getFile();
    }
    if (e instanceof java.nio.file.AccessDeniedException a) {
      return "cannot read or write " + a.getFile() + " (permission denied)";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
