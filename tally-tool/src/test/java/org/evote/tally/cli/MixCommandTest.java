package org.evote.tally.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.evote.crypto.ballot.PlaintextBallot;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.record.BoardFile;
import org.evote.crypto.record.RecordFiles;
import org.evote.crypto.record.RecordWriter;
import org.evote.crypto.testing.PollingBoard;
import org.evote.crypto.verify.ElectionChecks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tally mix} and {@code tally tally --mix} on the Riverton election (ranked contests, write-in lines): the
 * tally is refused without mixes; each guardian mixes once, in turn, after verifying the board and the previous
 * mixes; the tally with the cascade decrypts and counts, writes the record, and {@code tally verify} passes it.
 */
class MixCommandTest {
  @TempDir
  Path temp;
  Path election;
  Path board;

  private Path pass(int g) {
    return temp.resolve("g" + g + ".pass");
  }

  private Path key(int g) {
    return temp.resolve("e").resolve("guardian-" + g + ".key.json");
  }

  @BeforeEach
  void electionDay() throws Exception {
    List<String> args = new ArrayList<>(List.of("ceremony", "--manifest",
        Path.of("../docs/examples/manifest-riverton-rcv.json").toString(), "--guardians", "3", "--quorum", "2",
        "--out", temp.resolve("e").toString(), "--accept-manifest-warnings"));
    for (int g = 1; g <= 3; g++) {
      Files.writeString(pass(g), "guardian " + g + " passphrase\n");
      args.addAll(List.of("--passphrase-file", pass(g).toString()));
    }
    Cli c = Cli.tally(args.toArray(String[]::new));
    assertEquals(0, c.code(), c.printed());
    election = temp.resolve("e").resolve("election.json");
    ElectionConfig config = ElectionChecks.accept(JsonText.readObject(election));
    PollingBoard polls = PollingBoard.checked(config, 1_700_000_000L, new SecureRandom());
    polls.registerKiosk("kiosk-1");
    polls.openPolls();
    polls.signHead();
    polls.vote("kiosk-1", new PlaintextBallot("kiosk-1-a", "ward-2", Map.of(
        "mayor", List.of("sel-mayor-chen", "sel-write-in-mayor"),
        "city-council", List.of("sel-council-novak", "sel-write-in-council"),
        "school-board-ward-2", List.of("sel-school-osei", "sel-school-haddad"),
        "measure-a", List.of("sel-measure-a-yes")),
        Map.of("mayor", Map.of("sel-write-in-mayor", "Zoë Ñúñez"),
            "city-council", Map.of("sel-write-in-council", "Ana García"))), false);
    polls.vote("kiosk-1", new PlaintextBallot("kiosk-1-b", "ward-1", Map.of(
        "mayor", List.of("sel-mayor-chen"), "measure-a", List.of("sel-measure-a-no"))), false);
    polls.vote("kiosk-1", new PlaintextBallot("kiosk-1-c", "ward-1", Map.of(
        "mayor", List.of("sel-mayor-okafor", "sel-mayor-chen"))), false);
    polls.closePolls();
    polls.signHead();
    board = temp.resolve("board").resolve("board.json");
    Files.createDirectories(board.getParent());
    BoardFile.write(board, polls.board.entries(), polls.board.heads());
    RecordWriter.writeCheckpoint(board.getParent(), polls.checkpoint(List.of()));
  }

  private Cli mix(int g, Path out, Path... previous) {
    List<String> args = new ArrayList<>(List.of("mix", "--election", election.toString(), "--board",
        board.toString(), "--guardian-key", key(g).toString(), "--passphrase-file", pass(g).toString(), "--out",
        out.toString(), "--threads", "2"));
    for (Path p : previous) {
      args.addAll(List.of("--mix", p.toString()));
    }
    return Cli.tally(args.toArray(String[]::new));
  }

  private Cli tally(Path out, Path... mixes) {
    List<String> args = new ArrayList<>(List.of("tally", "--election", election.toString(), "--board",
        board.toString(), "--guardian-key", key(2).toString(), "--passphrase-file", pass(2).toString(),
        "--guardian-key", key(3).toString(), "--passphrase-file", pass(3).toString(), "--out", out.toString()));
    for (Path p : mixes) {
      args.addAll(List.of("--mix", p.toString()));
    }
    return Cli.tally(args.toArray(String[]::new));
  }

  @Test
  void guardiansMixInTurnAndTheTallyWithTheCascadeVerifies() throws Exception {
    Cli refused = tally(temp.resolve("r0"));
    assertEquals(1, refused.code(), refused.printed());
    assertTrue(refused.err().contains("tally mix"), refused.err());
    assertFalse(Files.exists(temp.resolve("r0").resolve(RecordFiles.RESULT)));

    Path m1 = temp.resolve("mix-1.json");
    Cli first = mix(1, m1);
    assertEquals(0, first.code(), first.printed());
    assertTrue(first.out().contains("Mix 1 by guardian 1"), first.out());
    Cli again = mix(1, temp.resolve("again.json"), m1);
    assertEquals(1, again.code(), again.printed());
    assertTrue(again.err().contains("guardian 1 already mixed"), again.err());
    assertFalse(Files.exists(temp.resolve("again.json")));

    Cli short_ = tally(temp.resolve("r1"), m1);
    assertEquals(1, short_.code(), short_.printed());
    assertTrue(short_.err().contains("quorum"), short_.err());

    Path m2 = temp.resolve("mix-2.json");
    Cli second = mix(3, m2, m1);
    assertEquals(0, second.code(), second.printed());
    assertTrue(second.out().contains("Mix 2 by guardian 3"), second.out());

    Path record = temp.resolve("record");
    Cli tallied = tally(record, m2, m1);
    assertEquals(0, tallied.code(), tallied.printed());
    for (String f : List.of("mix-1.json", "mix-2.json", RecordFiles.MIX_DECRYPTION, RecordFiles.MIXED_BALLOTS,
        RecordFiles.RANKED_RESULT)) {
      assertTrue(Files.isRegularFile(record.resolve(f)), f);
    }
    assertTrue(tallied.out().contains("V23  PASS"), tallied.out());
    Cli verified = Cli.tally("verify", "--record", record.toString(), "--threads", "2");
    assertEquals(0, verified.code(), verified.printed());
    assertTrue(verified.out().contains("V21  PASS") && verified.out().contains("V22  PASS"), verified.out());
  }

  @Test
  void aMixFileIsNeverOverwrittenAndABrokenPreviousMixIsRefused() throws Exception {
    Path m1 = temp.resolve("mix-1.json");
    assertEquals(0, mix(2, m1).code());
    Cli over = mix(3, m1);
    assertEquals(1, over.code(), over.printed());
    assertTrue(over.err().contains("already exists"), over.err());
    String text = Files.readString(m1);
    Path bad = temp.resolve("bad-1.json");
    Files.writeString(bad, text.replaceFirst("\"mixer\": 2", "\"mixer\": 1"));
    Cli broken = mix(3, temp.resolve("mix-2.json"), bad);
    assertEquals(1, broken.code(), broken.printed());
    assertTrue(broken.err().contains("signature"), broken.err());
    assertFalse(Files.exists(temp.resolve("mix-2.json")));
  }
}
