package org.evote.tally;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.json.ManifestJson;
import org.evote.crypto.manifest.Manifest;
import org.evote.tally.demo.DemoElection;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The officials' offline tool: key ceremony, verification, tally, challenged-ballot checks, publishing, demo. */
@Command(name = "tally-tool", mixinStandardHelpOptions = true, version = "tally-tool 0.1.0",
    description = "Election officials' offline tool.",
    subcommands = {TallyTool.Demo.class, org.evote.tally.cli.CeremonyCommand.class,
        org.evote.tally.cli.VerifyCommand.class, org.evote.tally.cli.TallyCommand.class,
        org.evote.tally.cli.ChallengedCommand.class, org.evote.tally.cli.PublishCommand.class,
        org.evote.tally.cli.GuiCommand.class})
public final class TallyTool {
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code (for tests). */
  public static int run(String... args) {
    CommandLine cl = new CommandLine(new TallyTool());
    cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
      cmd.getErr().println("error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
      return 1;
    });
    return cl.execute(args);
  }

  /** An offline mock election on one machine: ceremony, ballots, tally, threshold decryption, verification. */
  @Command(name = "demo", mixinStandardHelpOptions = true,
      description = "Run a complete offline election on the bundled sample manifest and verify its record.")
  static final class Demo implements Callable<Integer> {
    @Option(names = "--manifest", description = "ElectionGuard 1.0 manifest (default: the bundled sample)")
    Path manifest;

    @Option(names = "--guardians", defaultValue = "3", description = "number of guardians n (default: ${DEFAULT-VALUE})")
    int guardians;

    @Option(names = "--quorum", defaultValue = "2", description = "guardians needed to decrypt k (default: ${DEFAULT-VALUE})")
    int quorum;

    @Option(names = "--ballots", defaultValue = "40", description = "ballots to vote (default: ${DEFAULT-VALUE})")
    int ballots;

    @Option(names = "--challenge-rate", defaultValue = "0.1",
        description = "fraction of ballots challenged (default: ${DEFAULT-VALUE})")
    double challengeRate;

    @Option(names = "--out", defaultValue = "election-record", description = "record directory (default: ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() throws Exception {
      if (quorum < 1 || quorum > guardians) {
        System.err.println("error: need 1 ≤ quorum ≤ guardians");
        return 2;
      }
      if (ballots < 1 || challengeRate < 0 || challengeRate > 1) {
        System.err.println("error: need at least one ballot and a challenge rate between 0 and 1");
        return 2;
      }
      Manifest m;
      try {
        m = loadManifest();
      } catch (InvalidFieldException e) {
        System.err.println("error: manifest " + e.getMessage());
        return 2;
      } catch (IOException e) {
        System.err.println("error: cannot read manifest " + manifest + ": " + e.getMessage());
        return 2;
      }
      DemoElection.Outcome outcome = new DemoElection(m, guardians, quorum, ballots, challengeRate, out,
          new SecureRandom(), System.out).run();
      if (outcome.succeeded()) {
        System.out.println("\nDemo succeeded: the decrypted result equals the votes cast and the record verifies.");
        System.out.println("Record: " + out.toAbsolutePath());
        return 0;
      }
      System.out.println("\nDemo FAILED: see the report above.");
      return 1;
    }

    private Manifest loadManifest() throws IOException {
      if (manifest != null) {
        return ManifestJson.decode(JsonText.readObject(manifest));
      }
      try (InputStream in = TallyTool.class.getResourceAsStream("sample/manifest.json")) {
        return ManifestJson.decode(JsonText.parseObject(in));
      }
    }
  }
}
