package org.evote.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.evote.crypto.verify.ElectionChecks;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.keystore.GuardianKeyFile;
import org.evote.crypto.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three guardians on "separate machines" (directories) exchanging only files. */
class DistributedCeremonyTest {
  @TempDir
  Path temp;

  static Path manifest() {
    return TestData.path("electionguard/manifest-small.json");
  }

  String[] common(int i, Path pass) {
    return new String[] {"--manifest", manifest().toString(), "--guardians", "3", "--quorum", "2", "--index",
        String.valueOf(i), "--passphrase-file", pass.toString()};
  }

  static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** Steps 1 and 2 for guardians 1..3, each with its passphrase in {@code pass[i]}; the records and shares in temp. */
  Path[] initAndExchange(Path records, Path shares) throws Exception {
    Files.createDirectories(records);
    Path[] pass = new Path[4];
    for (int i = 1; i <= 3; i++) {
      pass[i] = temp.resolve("pass-" + i);
      Files.writeString(pass[i], "passphrase of guardian " + i);
      Path mine = temp.resolve("guardian-" + i);
      assertEquals(0, TallyTool.run(concat(concat(new String[] {"ceremony", "guardian-init"}, common(i, pass[i])),
          "--out", mine.toString())));
      Files.copy(mine.resolve("guardian-" + i + ".record.json"), records.resolve("guardian-" + i + ".record.json"));
    }
    for (int i = 1; i <= 3; i++) {
      assertEquals(0, TallyTool.run(concat(concat(new String[] {"ceremony", "exchange"}, common(i, pass[i])),
          "--polynomial", temp.resolve("guardian-" + i).resolve("guardian-" + i + ".polynomial.json").toString(),
          "--records", records.toString(), "--out", shares.toString())));
    }
    return pass;
  }

  @Test
  void guardiansExchangingFilesEndWithTheSameElectionAndWorkingKeys() throws Exception {
    Path records = temp.resolve("records");
    Path shares = temp.resolve("shares");
    Path[] pass = initAndExchange(records, shares);
    ElectionConfig first = null;
    for (int i = 1; i <= 3; i++) {
      Path out = temp.resolve("done-" + i);
      assertEquals(0, TallyTool.run(concat(concat(new String[] {"ceremony", "finish"}, common(i, pass[i])),
          "--polynomial", temp.resolve("guardian-" + i).resolve("guardian-" + i + ".polynomial.json").toString(),
          "--records", records.toString(), "--shares", shares.toString(), "--out", out.toString())));
      ElectionConfig c = ElectionChecks.accept(JsonText.readObject(out.resolve("election.json")));
      if (first == null) {
        first = c;
      }
      assertEquals(first.extendedHash(), c.extendedHash(), "every guardian computes the same election");
      var key = GuardianKeyFile.open(out.resolve("guardian-" + i + ".key.json"), Files.readString(pass[i])
          .toCharArray());
      assertEquals(c.verificationKey(i), key.verificationKey());
    }
  }

  @Test
  void aBadShareIsNamedInAComplaint() throws Exception {
    Path records = temp.resolve("records");
    Path shares = temp.resolve("shares");
    Path[] pass = initAndExchange(records, shares);
    Path bad = shares.resolve("share-3-to-1.json");
    String json = Files.readString(bad);
    int at = json.indexOf("\"ciphertext\": \"") + 15;
    char c = json.charAt(at);
    Files.writeString(bad, json.substring(0, at) + (c == '0' ? '1' : '0') + json.substring(at + 1));
    Path out = temp.resolve("done-1");
    assertEquals(1, TallyTool.run(concat(concat(new String[] {"ceremony", "finish"}, common(1, pass[1])),
        "--polynomial", temp.resolve("guardian-1").resolve("guardian-1.polynomial.json").toString(), "--records",
        records.toString(), "--shares", shares.toString(), "--out", out.toString())));
    assertTrue(Files.exists(out.resolve("complaint-1-against-3.json")));
    assertTrue(!Files.exists(out.resolve("guardian-1.key.json")), "no key from a ceremony with a bad share");
  }
}
