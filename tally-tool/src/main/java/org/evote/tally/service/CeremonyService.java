package org.evote.tally.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.evote.crypto.ceremony.GuardianKey;
import org.evote.crypto.ceremony.KeyCeremony;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.election.ElectionHashes;
import org.evote.crypto.json.ElectionJson;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.keystore.GuardianKeyFile;
import org.evote.crypto.manifest.Manifest;
import org.evote.crypto.record.RecordWriter;

/**
 * The key ceremony on one machine: election.json, the ceremony's public transcript (ceremony_transcript.json, for the
 * record) and one sealed key file per guardian (docs/protocol.md §7).
 */
public final class CeremonyService {
  private final SecureRandom random;

  public CeremonyService(SecureRandom random) {
    this.random = random;
  }

  /**
   * Runs the ceremony; {@code passphrases.get(i)} seals guardian i+1's key. Returns the election. A manifest with
   * warnings ({@link ManifestReview#of}) runs only if {@code manifestWarningsConfirmed}: an official saw them and
   * confirmed (or a script passed {@code --accept-manifest-warnings}); otherwise nothing is written.
   */
  public ElectionConfig run(Manifest manifest, int guardians, int quorum, List<char[]> passphrases, Path out,
      boolean manifestWarningsConfirmed) throws IOException, ManifestReview.NotConfirmedException {
    ManifestReview.of(manifest).requireConfirmed(manifestWarningsConfirmed);
    if (passphrases.size() != guardians) {
      throw new IllegalArgumentException("one passphrase per guardian is needed");
    }
    KeyCeremony.Outcome outcome = KeyCeremony.run(ElectionHashes.baseHash(manifest, guardians, quorum), guardians,
        quorum, random);
    ElectionConfig config = new ElectionConfig(manifest, guardians, quorum, outcome.records());
    Files.createDirectories(out);
    JsonText.write(out.resolve("election.json"), ElectionJson.encode(config));
    RecordWriter.writeTranscript(out, outcome.transcript(config.extendedHash()));
    for (GuardianKey key : outcome.keys()) {
      GuardianKeyFile.write(keyFile(out, key.index()), key, config.extendedHash(), passphrases.get(key.index() - 1),
          random);
    }
    return config;
  }

  public static Path keyFile(Path dir, int guardian) {
    return dir.resolve("guardian-" + guardian + ".key.json");
  }
}
