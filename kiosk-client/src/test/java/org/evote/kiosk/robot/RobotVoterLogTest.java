package org.evote.kiosk.robot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.evote.board.client.BoardClient;
import org.evote.crypto.ballot.ConfirmationCodes;
import org.evote.crypto.ballot.RandomBallots;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.keystore.KioskCredentials;
import org.evote.crypto.manifest.ContestDescription;
import org.evote.crypto.manifest.DisplayNames;
import org.evote.crypto.testing.TestElection;
import org.evote.kiosk.service.BallotCaster;
import org.evote.kiosk.service.KioskStore;
import org.evote.kiosk.service.Uploader;
import org.evote.kiosk.testing.Riverton;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The robot voter on the Riverton manifest (ranked contests, write-in lines), through the kiosk's real encrypt and
 * cast path into its store (the board unreachable): its log lists each ranked contest's choices as the ordered
 * ranking and the names written under {@code write_ins} (contest id → name, at most one per contest), exactly as its
 * entries keep them; the receipts count the write-ins.
 */
class RobotVoterLogTest {
  static final SecureRandom RANDOM = new SecureRandom();
  static final TestElection ELECTION = new TestElection(Riverton.manifest(), 3, 2, RANDOM);
  @TempDir
  Path dir;

  @Test
  void theLogHasOrderedChoicesAndTheWriteInNames() throws Exception {
    KioskCredentials creds = KioskCredentials.generate("R1", ELECTION.config.extendedHash(),
        ELECTION.boardKey.publicKey(), ELECTION.polling.checkpointKey.verifierKey(), RANDOM);
    try (KioskStore store = KioskStore.open(dir.resolve("kiosk.sqlite"), "R1", ConfirmationCodes.chainStart(
        ELECTION.config.extendedHash(), "R1"));
        Uploader uploader = new Uploader(store, BoardClient.create(URI.create("http://127.0.0.1:9"),
            Duration.ofSeconds(1)), creds)) {
      BallotCaster caster = new BallotCaster(ELECTION.config, creds, store, uploader, RANDOM, Clock.systemUTC(),
          URI.create("http://127.0.0.1:9"), Duration.ofMillis(20));
      RobotVoter robot = new RobotVoter(caster, RANDOM, 0.2);
      List<RobotVoter.Entry> entries = robot.vote(24);
      assertEquals(24, entries.size());
      Path log = dir.resolve("robot-log.json");
      robot.writeLog(log);
      JsonArray ballots = JsonText.readObject(log).getJsonArray("ballots");
      assertEquals(24, ballots.size());
      DisplayNames names = new DisplayNames(ELECTION.config.manifest());
      int withNames = 0;
      int rankedDeeper = 0;
      for (int i = 0; i < entries.size(); i++) {
        RobotVoter.Entry e = entries.get(i);
        JsonObject b = ballots.getJsonObject(i);
        assertEquals(e.receipt().ballotId(), b.getString("ballot_id"));
        JsonObject choices = b.getJsonObject("choices");
        for (ContestDescription c : ELECTION.config.manifest().contestsFor(e.styleId())) {
          List<String> logged = choices.getJsonArray(c.id()).getValuesAs(JsonString.class).stream()
              .map(JsonString::getString).toList();
          assertEquals(e.choices().get(c.id()), logged, "the ranking in order, first preference first");
          if (c.isRanked()) {
            assertTrue(!logged.isEmpty() && logged.size() <= c.votesAllowed(), c.id());
            rankedDeeper += logged.size() > 1 ? 1 : 0;
          }
          long lines = logged.stream().filter(id -> names.isWriteIn(c.selection(id).orElseThrow())).count();
          assertTrue(lines <= 1, "at most one write-in line per contest");
          assertEquals(lines == 1, e.writeIns().containsKey(c.id()), "a name exactly when a write-in is marked");
        }
        Map<String, String> written = e.writeIns();
        if (written.isEmpty()) {
          assertFalse(b.containsKey("write_ins"));
        } else {
          withNames++;
          JsonObject w = b.getJsonObject("write_ins");
          assertEquals(written.keySet(), w.keySet());
          written.forEach((contest, name) -> {
            assertEquals(name, w.getString(contest));
            assertTrue(RandomBallots.NAMES.contains(name), name);
          });
        }
        assertEquals(written.size(), e.receipt().writeIns(), "the receipt counts the write-ins");
      }
      assertTrue(withNames > 0, "some robots wrote a name");
      assertTrue(rankedDeeper > 0, "some robots ranked more than one");
    }
  }
}
