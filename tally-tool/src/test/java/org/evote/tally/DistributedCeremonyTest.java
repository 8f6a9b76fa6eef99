package org.evote.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.evote.crypto.verify.ElectionChecks;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.keystore.GuardianKeyFile;
import org.evote.crypto.testing.TestData;
import org.evote.crypto.ceremony.CeremonyTranscript;
import org.evote.crypto.json.CeremonyJson;
import org.evote.crypto.json.Fields;
import org.evote.crypto.record.RecordFiles;
import org.evote.crypto.verify.TranscriptCheck;
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
        String.valueOf(i), "--passphrase-file", pass.toString(), "--accept-manifest-warnings"};
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

  String[] sizes() {
    return new String[] {"--manifest", manifest().toString(), "--guardians", "3", "--quorum", "2"};
  }

  String[] finish(int i, Path pass, Path records, Path shares, Path out, String... more) {
    return concat(concat(concat(new String[] {"ceremony", "finish"}, common(i, pass)), "--polynomial",
        temp.resolve("guardian-" + i).resolve("guardian-" + i + ".polynomial.json").toString(), "--records",
        records.toString(), "--shares", shares.toString(), "--out", out.toString()), more);
  }

  @Test
  void theAssembledTranscriptHasEveryShareAndPassesV18() throws Exception {
    Path records = temp.resolve("records");
    Path shares = temp.resolve("shares");
    Path[] pass = initAndExchange(records, shares);
    for (int i = 1; i <= 3; i++) {
      assertEquals(0, TallyTool.run(finish(i, pass[i], records, shares, temp.resolve("done-" + i))));
    }
    Path out = temp.resolve("done-1");
    assertEquals(0, TallyTool.run(concat(concat(new String[] {"ceremony", "transcript"}, sizes()), "--records",
        records.toString(), "--shares", shares.toString(), "--out", out.toString())));
    var json = JsonText.readObject(out.resolve(RecordFiles.TRANSCRIPT));
    CeremonyTranscript t = CeremonyJson.decodeTranscript(Fields.of(json));
    ElectionConfig c = ElectionChecks.accept(JsonText.readObject(out.resolve("election.json")));
    assertEquals(c.extendedHash(), t.extendedHash());
    assertEquals(6, t.shares().size());
    assertEquals(List.of(), TranscriptCheck.failures(c, t));
    assertFalse(Files.readString(out.resolve(RecordFiles.TRANSCRIPT)).contains("coefficient"),
        "no secret in the transcript");
  }

  @Test
  void aComplaintAnsweredByARevealEndsTheCeremonyWithAPassingTranscript() throws Exception {
    Path records = temp.resolve("records");
    Path shares = temp.resolve("shares");
    Path[] pass = initAndExchange(records, shares);
    Path bad = shares.resolve("share-3-to-1.json");
    String json = Files.readString(bad);
    int at = json.indexOf("\"ciphertext\": \"") + 15;
    char ch = json.charAt(at);
    Files.writeString(bad, json.substring(0, at) + (ch == '0' ? '1' : '0') + json.substring(at + 1));
    Path complaints = temp.resolve("done-1");
    assertEquals(1, TallyTool.run(finish(1, pass[1], records, shares, complaints)));
    Path reveals = temp.resolve("reveals");
    assertEquals(0, TallyTool.run(concat(concat(new String[] {"ceremony", "reveal"}, common(3, pass[3])),
        "--polynomial", temp.resolve("guardian-3").resolve("guardian-3.polynomial.json").toString(),
        "--complaints", complaints.toString(), "--out", reveals.toString())));
    assertTrue(Files.exists(reveals.resolve("reveal-3-to-1.json")));
    for (int i = 1; i <= 3; i++) {
      assertEquals(0, TallyTool.run(finish(i, pass[i], records, shares, temp.resolve("done-" + i), "--reveals",
          reveals.toString())), "guardian " + i + " finishes with the revealed share");
    }
    Path out = temp.resolve("published");
    assertEquals(0, TallyTool.run(concat(concat(new String[] {"ceremony", "transcript"}, sizes()), "--records",
        records.toString(), "--shares", shares.toString(), "--complaints", complaints.toString(), "--reveals",
        reveals.toString(), "--out", out.toString())));
    CeremonyTranscript t = CeremonyJson.decodeTranscript(Fields.of(JsonText.readObject(
        out.resolve(RecordFiles.TRANSCRIPT))));
    assertEquals(1, t.complaints().size());
    assertEquals(1, t.reveals().size());

    // Without the reveal the transcript shows guardian 3 disqualified, and the command says V18 fails.
    Path unanswered = temp.resolve("unanswered");
    assertEquals(1, TallyTool.run(concat(concat(new String[] {"ceremony", "transcript"}, sizes()), "--records",
        records.toString(), "--shares", shares.toString(), "--complaints", complaints.toString(), "--out",
        unanswered.toString())));
    ElectionConfig c = ElectionChecks.accept(JsonText.readObject(temp.resolve("done-2").resolve("election.json")));
    var failures = TranscriptCheck.failures(c, CeremonyJson.decodeTranscript(Fields.of(JsonText.readObject(
        unanswered.resolve(RecordFiles.TRANSCRIPT)))));
    assertEquals(1, failures.size(), failures.toString());
    assertEquals("complaint of guardian 1 against guardian 3", failures.get(0).object());
  }
}
