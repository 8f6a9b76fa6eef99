package org.evote.tally.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.evote.crypto.json.ElectionJson;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.note.Cosigner;
import org.evote.crypto.notice.ElectionNotice;
import org.evote.crypto.notice.NoticeJson;
import org.evote.crypto.record.RecordFiles;
import org.evote.crypto.record.RecordWriter;
import org.evote.crypto.testing.DeterministicRandom;
import org.evote.crypto.testing.TestElection;
import org.evote.tally.TallyTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tally notice} from an exported board, and {@code tally verify --notice} against it. */
class NoticeCommandTest {
  @TempDir
  Path temp;

  /** The exit code and what the command printed. */
  record Run(int code, String out, String err) {}

  private static synchronized Run tally(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      int code = TallyTool.run(args);
      return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  /** An election whose kiosks are registered and whose board is signed, polls not yet open. */
  private TestElection beforePolls() {
    TestElection e = new TestElection(TestElection.manifest("manifest-small.json"), 3, 2,
        new DeterministicRandom("notice command"));
    e.registerKiosk("kiosk-1");
    e.registerKiosk("kiosk-2");
    e.signHead();
    return e;
  }

  private List<String> witnessArgs(TestElection e) {
    List<String> args = new ArrayList<>();
    for (int i = 0; i < e.witnesses.size(); i++) {
      Cosigner w = e.witnesses.get(i);
      args.add("--witness");
      args.add("http://witness-" + (i + 1) + ".test=" + w.verifierKey().encoded());
    }
    return args;
  }

  private Run notice(TestElection e, Path dir, Path out, String quorum) throws Exception {
    RecordWriter.writeElectionAndBoard(dir, e.config, e.board.entries(), e.board.heads());
    List<String> args = new ArrayList<>(List.of("notice", "--board", dir.resolve(RecordFiles.BOARD).toString(),
        "--election", dir.resolve(RecordFiles.ELECTION).toString(), "--out", out.toString()));
    args.addAll(witnessArgs(e));
    args.add("--witness-quorum");
    args.add(quorum);
    return tally(args.toArray(String[]::new));
  }

  @Test
  void theNoticeIsMadeFromTheBoardAndNeverReplaced() throws Exception {
    TestElection e = beforePolls();
    Path file = temp.resolve("notice.json");
    Run r = notice(e, temp.resolve("board"), file, "2");
    assertEquals(0, r.code(), r.err());
    ElectionNotice n = NoticeJson.decode(JsonText.readObject(file));
    assertEquals(e.notice(), n);
    assertEquals(List.of("kiosk-1", "kiosk-2"), n.kiosks().stream().map(ElectionNotice.Kiosk::kioskId).toList());
    assertEquals(e.polling.checkpointKey.verifierKey(), n.checkpointKey());
    assertTrue(r.out().contains(NoticeJson.hash(n).toHex()), r.out());
    assertFalse(r.err().contains("warning"), r.err());

    String before = Files.readString(file);
    Run again = notice(e, temp.resolve("board"), file, "1");
    assertEquals(2, again.code());
    assertTrue(again.err().contains("never replaced"), again.err());
    assertEquals(before, Files.readString(file));
    try (var files = Files.list(temp)) {
      assertEquals(List.of("board", "notice.json"), files.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void aQuorumAboveTheWitnessesOrABadVkeyIsRefusedNamingIt() throws Exception {
    TestElection e = beforePolls();
    Run r = notice(e, temp.resolve("board"), temp.resolve("n.json"), "4");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("witness_quorum"), r.err());
    assertFalse(Files.exists(temp.resolve("n.json")));

    RecordWriter.writeElectionAndBoard(temp.resolve("b2"), e.config, e.board.entries(), e.board.heads());
    Run bad = tally("notice", "--board", temp.resolve("b2/board.json").toString(), "--election",
        temp.resolve("b2/election.json").toString(), "--witness", "http://w.test=notakey+0000+AA",
        "--witness-quorum", "1", "--out", temp.resolve("n.json").toString());
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("--witness http://w.test=notakey+0000+AA"), bad.err());
  }

  @Test
  void aBoardThatDoesNotVerifyGivesNoNotice() throws Exception {
    TestElection e = beforePolls();
    Path dir = temp.resolve("board");
    RecordWriter.writeElectionAndBoard(dir, e.config, e.board.entries(), List.of());
    Run r = tally("notice", "--board", dir.resolve(RecordFiles.BOARD).toString(), "--election",
        dir.resolve(RecordFiles.ELECTION).toString(), "--out", temp.resolve("n.json").toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("V6") && r.err().contains("no signed head"), r.err());
    assertFalse(Files.exists(temp.resolve("n.json")));
  }

  @Test
  void verifyWithTheNoticeChecksTheTrustAnchorsAndWithoutItSaysWhatItCouldNot() throws Exception {
    TestElection e = TestElection.full(TestElection.manifest("manifest-small.json"), 3, 2, 4,
        new DeterministicRandom("verify --notice"));
    Path record = temp.resolve("record");
    e.write(record);
    Path notice = e.writeNotice(temp.resolve("notice.json"));

    Run anchored = tally("verify", "--record", record.toString(), "--notice", notice.toString(), "--threads", "2");
    assertEquals(0, anchored.code(), anchored.out());
    assertTrue(anchored.out().contains("V19  PASS"), anchored.out());
    assertTrue(anchored.out().contains("V20  PASS"), anchored.out());
    assertFalse(anchored.out().contains("NOT CHECKED"), anchored.out());

    Run bare = tally("verify", "--record", record.toString(), "--threads", "2");
    assertEquals(0, bare.code(), bare.out());
    assertTrue(bare.out().contains("V20  ----"), bare.out());
    assertTrue(bare.out().contains("NOT CHECKED"), bare.out());
    assertTrue(bare.out().contains("witnesses"), bare.out());

    JsonObject n = JsonText.readObject(notice);
    JsonText.write(notice, JsonText.object(n).add("kiosks", JsonText.array().add(n.getJsonArray("kiosks").get(0)))
        .build());
    Run rogue = tally("verify", "--record", record.toString(), "--notice", notice.toString(), "--threads", "2");
    assertEquals(1, rogue.code(), rogue.out());
    assertTrue(rogue.out().contains("kiosk kiosk-2: registered on the board but not in the notice"), rogue.out());

    Run pair = tally("verify", "--election", record.resolve(RecordFiles.ELECTION).toString(), "--board",
        record.resolve(RecordFiles.BOARD).toString(), "--checkpoint", temp.resolve("none.txt").toString(),
        "--threads", "2");
    // A checkpoint file named but not there is the command's input error, naming the option and the file.
    assertEquals(2, pair.code(), pair.out() + pair.err());
    assertEquals("error: --checkpoint: no such file " + temp.resolve("none.txt"), pair.err().strip());
    // A board file alone, without checkpoint.txt beside it: V19 fails, saying the checkpoint is missing.
    java.nio.file.Files.copy(record.resolve(RecordFiles.BOARD), temp.resolve("alone.json"));
    Run alone = tally("verify", "--election", record.resolve(RecordFiles.ELECTION).toString(), "--board",
        temp.resolve("alone.json").toString(), "--threads", "2");
    assertEquals(1, alone.code(), alone.out());
    assertTrue(alone.out().contains("checkpoint: missing"), alone.out());
    assertEquals(ElectionJson.encode(e.config), JsonText.readObject(record.resolve(RecordFiles.ELECTION)));
  }
}
