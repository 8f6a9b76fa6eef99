package org.evote.launcher.election;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.evote.crypto.record.BoardFile;
import org.evote.kiosk.robot.RobotVoter;

/**
 * Checks an exported board against what the kiosks were told: every ballot a kiosk holds a receipt (or a pending
 * upload) for is on the board exactly once, at the sequence its receipt names, each kiosk's ballots in the order of
 * its confirmation-code chain, and nothing else is there. The chain, proofs and tally are the verifier's job
 * ({@code tally verify}); this is the "no ballot lost or counted twice" check of a mock election.
 */
public final class BoardAudit {
  private BoardAudit() {}

  /** A ballot entry as it appears on the board. */
  public record BallotOnBoard(long sequence, boolean challenged, String ballotId, String kioskId,
      String confirmationCode) {}

  /** Reads the ballot entries of a board file, in board order. */
  public static List<BallotOnBoard> ballots(Path boardFile) throws IOException {
    List<BallotOnBoard> out = new ArrayList<>();
    BoardFile.open(boardFile).forEachEntry(e -> {
      String kind = e.getString("kind");
      if (kind.equals("ballot_cast") || kind.equals("ballot_challenged")) {
        JsonObject ballot = e.getJsonObject("payload").getJsonObject("ballot");
        out.add(new BallotOnBoard(e.getJsonNumber("sequence").longValue(), kind.equals("ballot_challenged"),
            ballot.getString("ballot_id"), ballot.getString("kiosk_id"), ballot.getString("confirmation_code")));
      }
    });
    return out;
  }

  /** What is wrong, one line per problem; empty when every ballot voted is on the board once and nothing else is. */
  public static List<String> problems(List<BallotOnBoard> board, List<RobotVoter.Entry> voted) {
    List<String> problems = new ArrayList<>();
    Map<String, BallotOnBoard> byCode = new HashMap<>();
    Map<String, Integer> idCount = new HashMap<>();
    for (BallotOnBoard b : board) {
      if (byCode.putIfAbsent(b.confirmationCode(), b) != null) {
        problems.add("confirmation code " + b.confirmationCode() + " is on the board twice (entry "
            + b.sequence() + ")");
      }
      if (idCount.merge(b.ballotId(), 1, Integer::sum) == 2) {
        problems.add("ballot " + b.ballotId() + " is on the board twice (entry " + b.sequence() + ")");
      }
    }
    Map<String, RobotVoter.Entry> votedByCode = new HashMap<>();
    Map<String, List<BallotOnBoard>> perKiosk = new HashMap<>();
    for (RobotVoter.Entry v : voted) {
      var r = v.receipt();
      votedByCode.put(r.confirmationCode(), v);
      BallotOnBoard b = byCode.get(r.confirmationCode());
      if (b == null) {
        problems.add("ballot " + r.ballotId() + " (tracking code " + r.trackingCode() + ") is missing from the board"
            + (r.boardSequence().isPresent() ? " although its receipt names entry " + r.boardSequence().get() : ""));
        continue;
      }
      if (r.boardSequence().isPresent() && r.boardSequence().get() != b.sequence()) {
        problems.add("ballot " + r.ballotId() + ": the receipt names entry " + r.boardSequence().get()
            + " but it is entry " + b.sequence());
      }
      if (b.challenged() != r.challenged()) {
        problems.add("ballot " + r.ballotId() + " is " + (b.challenged() ? "challenged" : "cast")
            + " on the board but the kiosk " + (r.challenged() ? "challenged" : "cast") + " it");
      }
      perKiosk.computeIfAbsent(r.kioskId(), k -> new ArrayList<>()).add(b);
    }
    for (BallotOnBoard b : board) {
      if (!votedByCode.containsKey(b.confirmationCode())) {
        problems.add("entry " + b.sequence() + " (ballot " + b.ballotId() + ") was not voted by any kiosk");
      }
    }
    // Each kiosk numbers its ballots in chain order; the board must hold them in that order.
    perKiosk.forEach((kiosk, list) -> {
      List<BallotOnBoard> byId = new ArrayList<>(list);
      byId.sort(Comparator.comparing(BallotOnBoard::ballotId));
      List<BallotOnBoard> bySeq = new ArrayList<>(list);
      bySeq.sort(Comparator.comparingLong(BallotOnBoard::sequence));
      if (!byId.equals(bySeq)) {
        problems.add("kiosk " + kiosk + "'s ballots are not on the board in the order of its chain");
      }
    });
    return problems;
  }
}
