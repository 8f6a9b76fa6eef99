package org.evote.tally.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.evote.crypto.ceremony.GuardianKey;
import org.evote.crypto.ceremony.KeyCeremony;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.election.ElectionHashes;
import org.evote.crypto.json.ElectionJson;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.json.ManifestJson;
import org.evote.crypto.keystore.GuardianKeyFile;
import org.evote.crypto.keystore.SecretFiles;
import org.evote.crypto.manifest.Manifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The key ceremony on one machine (docs/protocol.md §7): election.json and one sealed key file per guardian. */
@Command(name = "ceremony", mixinStandardHelpOptions = true,
    description = "Run the key ceremony for N guardians with quorum K on this machine.")
public final class CeremonyCommand implements Callable<Integer> {
  @Option(names = "--manifest", required = true, description = "ElectionGuard 1.0 manifest")
  Path manifest;

  @Option(names = "--guardians", required = true, description = "number of guardians n")
  int guardians;

  @Option(names = "--quorum", required = true, description = "guardians needed to decrypt k (1 ≤ k ≤ n)")
  int quorum;

  @Option(names = "--out", required = true, description = "directory for election.json and the guardians' keys")
  Path out;

  @Option(names = "--passphrase-file", description = "one per guardian, in order: first line is that guardian's "
      + "passphrase (default: each guardian types theirs)")
  List<Path> passphraseFiles = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    if (quorum < 1 || quorum > guardians) {
      System.err.println("error: need 1 ≤ quorum ≤ guardians");
      return 2;
    }
    if (!passphraseFiles.isEmpty() && passphraseFiles.size() != guardians) {
      System.err.println("error: give one --passphrase-file per guardian (" + guardians + ")");
      return 2;
    }
    Manifest m = ManifestJson.decode(JsonText.readObject(manifest));
    m.warnings().forEach(w -> System.err.println("warning: " + w));
    SecureRandom random = new SecureRandom();
    KeyCeremony.Outcome outcome = KeyCeremony.run(ElectionHashes.baseHash(m, guardians, quorum), guardians, quorum,
        random);
    ElectionConfig config = new ElectionConfig(m, guardians, quorum, outcome.records());
    Files.createDirectories(out);
    JsonText.write(out.resolve("election.json"), ElectionJson.encode(config));
    for (GuardianKey key : outcome.keys()) {
      Path file = out.resolve("guardian-" + key.index() + ".key.json");
      char[] pass = SecretFiles.passphrase(passphraseFiles.isEmpty() ? null
          : passphraseFiles.get(key.index() - 1), "passphrase of guardian " + key.index());
      GuardianKeyFile.write(file, key, config.extendedHash(), pass, random);
      java.util.Arrays.fill(pass, '\0');
    }
    System.out.println("Election " + m.electionScopeId() + ": " + guardians + " guardians, quorum " + quorum);
    System.out.println("extended hash H_E = " + config.extendedHash().toHex());
    System.out.println("wrote " + out.resolve("election.json") + " and " + guardians + " guardian key files");
    return 0;
  }
}
