package org.evote.bench;

import java.nio.file.Path;
import java.security.SecureRandom;
import org.evote.crypto.ceremony.KeyCeremony;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.election.ElectionHashes;
import org.evote.crypto.json.ElectionJson;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.json.ManifestJson;
import org.evote.crypto.manifest.Manifest;

/** Writes election.json for the 60-selection benchmark manifest (3 guardians, quorum 2). Usage: BenchElection OUT. */
public final class BenchElection {
  private BenchElection() {}

  public static void main(String[] args) throws Exception {
    Manifest m = ManifestJson.decode(BallotBenchmark.manifestJson());
    SecureRandom random = new SecureRandom();
    var ceremony = KeyCeremony.run(ElectionHashes.baseHash(m, 3, 2), 3, 2, random);
    JsonText.write(Path.of(args[0]), ElectionJson.encode(new ElectionConfig(m, 3, 2, ceremony.records())));
  }
}
