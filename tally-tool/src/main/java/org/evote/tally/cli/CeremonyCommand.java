package org.evote.tally.cli;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.evote.crypto.ceremony.ShareComplaint;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.json.ManifestJson;
import org.evote.crypto.keystore.EncryptedKeyFile;
import org.evote.crypto.keystore.SecretFiles;
import org.evote.crypto.manifest.Manifest;
import org.evote.crypto.record.RecordFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The key ceremony on one machine (docs/protocol.md §7): election.json and one sealed key file per guardian. */
@Command(name = "ceremony", mixinStandardHelpOptions = true,
    description = "Run the key ceremony for N guardians with quorum K on this machine, or, for guardians on "
        + "separate offline machines, its steps: guardian-init, exchange, finish (reveal answers a complaint), then "
        + "transcript, which assembles the ceremony's public transcript. The manifest's warnings (selections without "
        + "a name, untranslated languages) are confirmed first.",
    subcommands = {CeremonyCommand.Init.class, CeremonyCommand.Exchange.class, CeremonyCommand.Finish.class,
        CeremonyCommand.Reveal.class, CeremonyCommand.Transcript.class})
public final class CeremonyCommand implements Callable<Integer> {
  @Option(names = "--manifest", description = "ElectionGuard 1.0 manifest")
  Path manifest;

  @Option(names = "--guardians", description = "number of guardians n")
  int guardians;

  @Option(names = "--quorum", description = "guardians needed to decrypt k (1 ≤ k ≤ n)")
  int quorum;

  @Option(names = "--out", description = "directory for election.json and the guardians' keys")
  Path out;

  @Option(names = "--passphrase-file", description = "one per guardian, in order: first line is that guardian's "
      + "passphrase (default: each guardian types theirs)")
  List<Path> passphraseFiles = new ArrayList<>();

  @picocli.CommandLine.Mixin
  ManifestConfirmation confirmation;

  @Override
  public Integer call() throws Exception {
    if (manifest == null || out == null || guardians == 0) {
      System.err.println("error: give --manifest, --guardians, --quorum and --out (or use guardian-init, exchange "
          + "and finish for a distributed ceremony)");
      return 2;
    }
    if (quorum < 1 || quorum > guardians) {
      System.err.println("error: need 1 ≤ quorum ≤ guardians");
      return 2;
    }
    if (!passphraseFiles.isEmpty() && passphraseFiles.size() != guardians) {
      System.err.println("error: give one --passphrase-file per guardian (" + guardians + ")");
      return 2;
    }
    Inputs.file("--manifest", manifest);
    for (Path p : passphraseFiles) {
      Inputs.file("--passphrase-file", p);
    }
    Manifest m = ManifestJson.decode(JsonText.readObject(manifest));
    if (!confirmation.confirm(m, System.err)) {
      return ManifestConfirmation.refusedCode();
    }
    List<char[]> passphrases = new ArrayList<>();
    for (int i = 1; i <= guardians; i++) {
      passphrases.add(SecretFiles.passphrase(passphraseFiles.isEmpty() ? null : passphraseFiles.get(i - 1),
          "passphrase of guardian " + i, "--passphrase-file"));
    }
    ElectionConfig config = new org.evote.tally.service.CeremonyService(new SecureRandom()).run(m, guardians, quorum,
        passphrases, out, true);
    passphrases.forEach(p -> java.util.Arrays.fill(p, '\0'));
    System.out.println("Election " + m.electionScopeId() + ": " + guardians + " guardians, quorum " + quorum);
    System.out.println("extended hash H_E = " + config.extendedHash().toHex());
    System.out.println("wrote " + out.resolve("election.json") + ", " + out.resolve(RecordFiles.TRANSCRIPT)
        + " and " + guardians + " guardian key files");
    return 0;
  }

  /** What every step of the distributed ceremony needs to agree on. */
  static class Common {
    @Option(names = "--manifest", required = true, description = "ElectionGuard 1.0 manifest") Path manifest;

    @Option(names = "--guardians", required = true, description = "n") int guardians;

    @Option(names = "--quorum", required = true, description = "k") int quorum;

    @Option(names = "--index", required = true, description = "this guardian's number, 1..n") int index;

    @Option(names = "--passphrase-file", description = "first line: this guardian's passphrase (default: ask)")
    Path passphraseFile;

    @picocli.CommandLine.Mixin
    ManifestConfirmation confirmation;

    /** The manifest, confirmed by the official (steps that fix it: guardian-init, finish); empty if refused. */
    boolean confirmManifest() throws java.io.IOException, InputFileException {
      Inputs.file("--manifest", manifest);
      return confirmation.confirm(ManifestJson.decode(JsonText.readObject(manifest)), System.err);
    }

    char[] passphrase() throws java.io.IOException {
      return SecretFiles.passphrase(passphraseFile, "passphrase of guardian " + index, "--passphrase-file");
    }
  }

  @Command(name = "guardian-init", mixinStandardHelpOptions = true,
      description = "Step 1, on the guardian's own machine: publish a record, keep a sealed polynomial.")
  static final class Init extends Common implements Callable<Integer> {
    @Option(names = "--out", required = true, description = "directory for guardian-I.record.json (to share) and "
        + "guardian-I.polynomial.json (to keep)") Path out;

    @Override
    public Integer call() throws Exception {
      if (!confirmManifest()) {
        return ManifestConfirmation.refusedCode();
      }
      new DistributedCeremony(manifest, guardians, quorum).init(index, out, passphrase(), new SecureRandom());
      System.out.println("guardian " + index + ": share " + DistributedCeremony.recordFile(out, index)
          + " with the other guardians; keep guardian-" + index + ".polynomial.json");
      return 0;
    }
  }

  /** What the steps after guardian-init read: this guardian's polynomial and every guardian's record. */
  abstract static class AfterInit extends Common implements Callable<Integer> {
    @Option(names = "--polynomial", required = true, description = "this guardian's polynomial file") Path polynomial;

    @Option(names = "--records", required = true, description = "directory with every guardian's record") Path records;

    /** The step itself; returns the exit code. */
    abstract int step(DistributedCeremony ceremony) throws Exception;

    /** Runs {@link #step}: a ceremony problem exits 1, a wrong passphrase 2, each with its message. */
    @Override
    public final Integer call() throws Exception {
      try {
        return step(new DistributedCeremony(manifest, guardians, quorum));
      } catch (DistributedCeremony.CeremonyException e) {
        System.err.println("error: " + e.getMessage());
        return 1;
      } catch (EncryptedKeyFile.WrongPassphraseException e) {
        System.err.println("error: wrong passphrase");
        return 2;
      }
    }
  }

  @Command(name = "exchange", mixinStandardHelpOptions = true,
      description = "Step 2: check every guardian's record and write an encrypted share for each other guardian.")
  static final class Exchange extends AfterInit {
    @Option(names = "--out", required = true, description = "directory for the shares (share-I-to-L.json)") Path out;

    @Override
    int step(DistributedCeremony ceremony) throws Exception {
      ceremony.exchange(index, polynomial, records, out, passphrase(), new SecureRandom());
      System.out.println("guardian " + index + ": give each share-" + index + "-to-L.json to guardian L");
      return 0;
    }
  }

  @Command(name = "finish", mixinStandardHelpOptions = true,
      description = "Step 3: check the shares received; seal this guardian's key and write election.json.")
  static final class Finish extends AfterInit {
    @Option(names = "--shares", required = true, description = "directory with the shares sent to this guardian")
    Path shares;

    @Option(names = "--reveals", description = "directory with the reveals answering this guardian's complaints")
    Path reveals;

    @Option(names = "--out", required = true, description = "directory for election.json and guardian-I.key.json")
    Path out;

    @Override
    int step(DistributedCeremony ceremony) throws Exception {
      if (!confirmManifest()) {
        return ManifestConfirmation.refusedCode();
      }
      char[] pass = passphrase();
      List<ShareComplaint> complaints = ceremony.finish(index, polynomial, records, shares, reveals, out, pass, pass,
          new SecureRandom());
      if (!complaints.isEmpty()) {
        for (var c : complaints) {
          System.err.println("bad share from guardian " + c.accused() + ": " + c.reason() + " (complaint written)");
        }
        return 1;
      }
      System.out.println("guardian " + index + ": key sealed in guardian-" + index + ".key.json; election.json written");
      return 0;
    }
  }

  @Command(name = "reveal", mixinStandardHelpOptions = true,
      description = "Answer the complaints against this guardian: its shares for the accusers, in the clear.")
  static final class Reveal extends Common implements Callable<Integer> {
    @Option(names = "--polynomial", required = true, description = "this guardian's polynomial file") Path polynomial;

    @Option(names = "--complaints", required = true, description = "directory with the complaint files")
    Path complaints;

    @Option(names = "--out", required = true, description = "directory for the reveals (reveal-I-to-L.json)")
    Path out;

    @Override
    public Integer call() throws Exception {
      try {
        int n = new DistributedCeremony(manifest, guardians, quorum).reveal(index, polynomial, complaints, out,
            passphrase());
        System.out.println("guardian " + index + ": " + n + " reveal(s) written; publish them with the transcript");
        return 0;
      } catch (DistributedCeremony.CeremonyException e) {
        System.err.println("error: " + e.getMessage());
        return 1;
      } catch (EncryptedKeyFile.WrongPassphraseException e) {
        System.err.println("error: wrong passphrase");
        return 2;
      }
    }
  }

  @Command(name = "transcript", mixinStandardHelpOptions = true,
      description = "Assemble the ceremony's public transcript (ceremony_transcript.json) from the records, "
          + "shares, complaints and reveals the guardians exchanged, and check it (verification step V18).")
  static final class Transcript implements Callable<Integer> {
    @Option(names = "--manifest", required = true, description = "ElectionGuard 1.0 manifest") Path manifest;

    @Option(names = "--guardians", required = true, description = "n") int guardians;

    @Option(names = "--quorum", required = true, description = "k") int quorum;

    @Option(names = "--records", required = true, description = "directory with every guardian's record") Path records;

    @Option(names = "--shares", required = true, description = "directory with every share-I-to-L.json") Path shares;

    @Option(names = "--complaints", description = "directory with the complaint files, if any") Path complaints;

    @Option(names = "--reveals", description = "directory with the reveal files, if any") Path reveals;

    @Option(names = "--out", required = true, description = "directory for ceremony_transcript.json (put it beside "
        + "election.json: the tally copies it into the record)") Path out;

    @Override
    public Integer call() throws Exception {
      try {
        var failures = new DistributedCeremony(manifest, guardians, quorum).transcript(records, shares, complaints,
            reveals, out);
        failures.forEach(f -> System.err.println("V18 " + f));
        System.out.println("wrote " + out.resolve(RecordFiles.TRANSCRIPT)
            + (failures.isEmpty() ? " (V18 passes)" : " (V18 FAILS: the ceremony must restart)"));
        return failures.isEmpty() ? 0 : 1;
      } catch (DistributedCeremony.CeremonyException e) {
        System.err.println("error: " + e.getMessage());
        return 1;
      }
    }
  }
}
