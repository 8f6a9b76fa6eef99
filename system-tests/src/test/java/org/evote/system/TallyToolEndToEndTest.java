package org.evote.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.evote.board.client.BoardClient;
import org.evote.crypto.ballot.ConfirmationCodes;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.keystore.KioskCredentials;
import org.evote.kiosk.robot.RobotVoter;
import org.evote.kiosk.service.BallotCaster;
import org.evote.kiosk.service.KioskStore;
import org.evote.kiosk.service.Uploader;
import org.evote.server.testing.Console;
import org.evote.tally.TallyTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The officials' command line around a real election: the tally tool's key ceremony, a real board, robot kiosks,
 * poll closing, the exported board tallied by 2 of 3 guardians, the record verified, challenged ballots checked,
 * the tally published, and the published record verified again — the result equal to what the robots voted.
 */
class TallyToolEndToEndTest {
  @TempDir
  Path temp;

  int tool(String... args) {
    return TallyTool.run(args);
  }

  /** {@code tally fetch}: the board file and the board's checkpoint of exactly those entries, in {@code dir}. */
  Path fetch(LiveBoard b, Path dir) {
    assertEquals(0, tool("fetch", "--server", b.uri().toString(), "--out", dir.toString(), "--wait", "30"));
    return dir.resolve("board.json");
  }

  @Test
  void ceremonyVoteTallyVerifyPublish() throws Exception {
    Path ceremony = temp.resolve("ceremony");
    Path[] pass = new Path[3];
    for (int i = 0; i < 3; i++) {
      pass[i] = temp.resolve("guardian-" + (i + 1) + ".pass");
      Files.writeString(pass[i], "guardian passphrase number " + (i + 1) + "\n");
    }
    assertEquals(0, tool("ceremony", "--manifest", LiveBoard.testdata("manifest-small.json").toString(),
        "--guardians", "3", "--quorum", "2", "--out", ceremony.toString(), "--passphrase-file", pass[0].toString(),
        "--passphrase-file", pass[1].toString(), "--passphrase-file", pass[2].toString(),
        "--accept-manifest-warnings"));
    Path election = ceremony.resolve("election.json");

    try (LiveBoard b = new LiveBoard(temp, election)) {
      KioskCredentials creds = b.registerKiosk("K1");
      b.openPolls();
      KioskStore store = KioskStore.open(temp.resolve("k1.sqlite"), "K1", ConfirmationCodes.chainStart(
          b.config.extendedHash(), "K1"));
      Uploader uploader = new Uploader(store, BoardClient.create(b.uri(), Duration.ofSeconds(3)), creds);
      uploader.start();
      RobotVoter robot = new RobotVoter(new BallotCaster(b.config, creds, store, uploader, new SecureRandom(),
          Clock.systemUTC(), b.uri(), Duration.ofSeconds(5)), new SecureRandom(), 0.2);
      List<RobotVoter.Entry> voted = robot.vote(15);
      uploader.close();
      store.close();
      b.closePolls();
      Path board = fetch(b, temp.resolve("fetched"));

      Path record = temp.resolve("record");
      // Fewer than k keys: a clear refusal.
      Console fewer = Console.run(TallyTool::run, "tally", "--election", election.toString(), "--board",
          board.toString(), "--guardian-key", ceremony.resolve("guardian-2.key.json").toString(),
          "--passphrase-file", pass[1].toString(), "--out", record.toString());
      assertEquals(2, fewer.code(), fewer.printed());
      Console wrong = Console.run(TallyTool::run, "tally", "--election", election.toString(), "--board",
          board.toString(), "--guardian-key", ceremony.resolve("guardian-2.key.json").toString(),
          "--passphrase-file", pass[0].toString(), "--out", record.toString());
      assertEquals(2, wrong.code(), wrong.printed());
      String errors = fewer.err() + wrong.err();
      assertTrue(errors.contains("at least 2 of the 3"), errors);
      assertTrue(errors.contains("wrong passphrase"), errors);

      // The manifest's congressional race has a write-in line: its names are mixed first, by two guardians in turn
      // (at least k), each on its own; a tally without the mixes is refused, saying so.
      Console unmixed = Console.run(TallyTool::run, "tally", "--election", election.toString(), "--board",
          board.toString(), "--guardian-key", ceremony.resolve("guardian-1.key.json").toString(), "--guardian-key",
          ceremony.resolve("guardian-3.key.json").toString(), "--passphrase-file", pass[0].toString(),
          "--passphrase-file", pass[2].toString(), "--out", temp.resolve("unmixed").toString());
      assertEquals(1, unmixed.code(), unmixed.printed());
      assertTrue(unmixed.err().contains("tally mix"), unmixed.err());
      Path mix1 = temp.resolve("mix-1.json");
      Path mix2 = temp.resolve("mix-2.json");
      assertEquals(0, tool("mix", "--election", election.toString(), "--board", board.toString(), "--guardian-key",
          ceremony.resolve("guardian-3.key.json").toString(), "--passphrase-file", pass[2].toString(), "--out",
          mix1.toString()));
      assertEquals(0, tool("mix", "--election", election.toString(), "--board", board.toString(), "--guardian-key",
          ceremony.resolve("guardian-1.key.json").toString(), "--passphrase-file", pass[0].toString(), "--mix",
          mix1.toString(), "--out", mix2.toString()));
      assertEquals(0, tool("tally", "--election", election.toString(), "--board", board.toString(),
          "--guardian-key", ceremony.resolve("guardian-1.key.json").toString(), "--guardian-key",
          ceremony.resolve("guardian-3.key.json").toString(), "--passphrase-file", pass[0].toString(),
          "--passphrase-file", pass[2].toString(), "--mix", mix1.toString(), "--mix", mix2.toString(), "--out",
          record.toString()));
      assertTrue(Files.isRegularFile(record.resolve("mix-2.json")) && Files.isRegularFile(record.resolve(
          "ranked_result.json")), "the mixes and the write-in list are in the record");
      JsonObject result = JsonText.readObject(record.resolve("result.json"));
      Map<String, Long> truth = new HashMap<>();
      long cast = 0;
      for (RobotVoter.Entry e : voted) {
        if (!e.receipt().challenged()) {
          cast++;
          e.choices().forEach((contest, sels) -> sels.forEach(s -> truth.merge(contest + "/" + s, 1L, Long::sum)));
        }
      }
      assertEquals(cast, result.getJsonNumber("cast_ballots").longValue());
      JsonObject contests = result.getJsonObject("contests");
      for (String contest : contests.keySet()) {
        for (String sel : contests.getJsonObject(contest).keySet()) {
          assertEquals(truth.getOrDefault(contest + "/" + sel, 0L),
              contests.getJsonObject(contest).getJsonNumber(sel).longValue(), contest + "/" + sel);
        }
      }
      assertTrue(Files.readString(record.resolve("result.html")).contains("<h2>"));
      assertTrue(Files.readString(record.resolve("result.csv")).startsWith("contest_id,"));
      assertTrue(Files.readString(record.resolve("result.es.html")).contains("<h1>Pequeñas elecciones generales"));
      assertEquals(0, tool("verify", "--record", record.toString()));
      assertEquals(0, tool("challenged", "--election", election.toString(), "--board", board.toString()));

      // The launcher's board seals its administrator credential under the board's passphrase.
      Path adminPass = temp.resolve("admin.pass");
      Files.writeString(adminPass, new String(LiveBoard.PASSPHRASE) + "\n");
      assertEquals(0, tool("publish", "--server", b.uri().toString(), "--admin-credentials",
          b.data.adminCredentialsFile().toString(), "--admin-passphrase-file", adminPass.toString(),
          record.toString()));
      fetch(b, record);
      assertEquals(0, tool("verify", "--record", record.toString()), "V17: the published entry matches");
      // A tampered result fails verification.
      String tampered = Files.readString(record.resolve("result.json")).replaceFirst("\"cast_ballots\": \\d+",
          "\"cast_ballots\": 999");
      Files.writeString(record.resolve("result.json"), tampered);
      assertEquals(1, tool("verify", "--record", record.toString()));
    }
  }
}
