package org.evote.tally.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.evote.crypto.verify.ElectionChecks;
import org.evote.crypto.board.EntryKind;
import org.evote.crypto.board.EntryPayload;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.json.BoardJson;
import org.evote.crypto.json.Fields;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.manifest.ContestDescription;
import org.evote.crypto.record.BoardFile;
import org.evote.crypto.verify.ChallengedBallotCheck;
import org.evote.crypto.verify.VerificationResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Checks every challenged ballot against its disclosed seed (docs/protocol.md §6) and lists its choices. */
@Command(name = "challenged", mixinStandardHelpOptions = true,
    description = "Check every challenged ballot against its disclosed seed and list its choices.")
public final class ChallengedCommand implements Callable<Integer> {
  @Option(names = "--election", required = true, description = "election.json") Path election;

  @Option(names = "--board", required = true, description = "board file") Path board;

  @Override
  public Integer call() throws Exception {
    Inputs.file("--election", election);
    Inputs.file("--board", board);
    ElectionConfig config = ElectionChecks.accept(JsonText.readObject(election));
    ChallengedBallotCheck check = new ChallengedBallotCheck(config);
    int[] counts = {0, 0};
    BoardFile.open(board).forEachEntry(json -> {
      var e = BoardJson.decodeEntry(Fields.of(json));
      if (e.kind() != EntryKind.BALLOT_CHALLENGED) {
        return;
      }
      EntryPayload.BallotChallenged c = (EntryPayload.BallotChallenged) BoardJson.decodePayload(e);
      VerificationResult r = check.check(c.ballot(), c.seed(), c.plaintext());
      counts[0]++;
      System.out.printf("%s  %s  entry %d  %s%n", c.ballot().trackingCode(), c.ballot().ballotId(), e.sequence(),
          r.isValid() ? "OK: re-encrypts exactly" : "FAILED: " + r);
      if (!r.isValid()) {
        counts[1]++;
      }
      for (ContestDescription d : config.manifest().contestsFor(c.ballot().styleId())) {
        System.out.printf("    %s: %s%n", d.id(), c.plaintext().marked(d.id()).isEmpty() ? "(no selection)"
            : String.join(", ", c.plaintext().marked(d.id())));
      }
    });
    System.out.println(counts[0] + " challenged ballots, " + counts[1] + " failed");
    return counts[1] == 0 ? 0 : 1;
  }
}
