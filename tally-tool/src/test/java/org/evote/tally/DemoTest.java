package org.evote.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.json.ManifestJson;
import org.evote.crypto.record.RecordFiles;
import org.evote.tally.demo.DemoElection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoTest {
  @TempDir
  Path temp;

  @Test
  void theDemoCommandRunsAnElectionWhoseRecordVerifies() throws Exception {
    Path out = temp.resolve("record");
    assertEquals(0, TallyTool.run("demo", "--ballots", "12", "--guardians", "3", "--quorum", "2", "--out",
        out.toString()));
    for (String f : new String[] {RecordFiles.ELECTION, RecordFiles.BOARD, RecordFiles.TALLY, RecordFiles.SHARES,
        RecordFiles.RESULT}) {
      assertTrue(Files.size(out.resolve(f)) > 0, f);
    }
    assertTrue(RecordFiles.verify(out, new SecureRandom(), 2, n -> { }).isValid());
  }

  @Test
  void theResultEqualsTheTruthOnTheCountyManifest() throws Exception {
    Path manifest = Path.of("../../shared/testdata/electionguard/manifest-hamilton-general.json");
    if (!Files.exists(manifest)) {
      manifest = Path.of("../shared/testdata/electionguard/manifest-hamilton-general.json").toAbsolutePath();
    }
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    DemoElection.Outcome outcome = new DemoElection(ManifestJson.decode(JsonText.readObject(manifest)), 3, 2, 10,
        0.2, temp.resolve("hamilton"), new SecureRandom(), new PrintStream(log, true, StandardCharsets.UTF_8)).run();
    assertTrue(outcome.succeeded(), log.toString(StandardCharsets.UTF_8));
    assertTrue(log.toString(StandardCharsets.UTF_8).contains("RESULT: all steps passed"));
  }

  @Test
  void badOptionsAreRefusedWithAnExitCode() {
    assertEquals(2, TallyTool.run("demo", "--guardians", "2", "--quorum", "3", "--out", temp.toString()));
    assertEquals(2, TallyTool.run("demo", "--manifest", temp.resolve("missing.json").toString(), "--out",
        temp.toString()));
  }
}
