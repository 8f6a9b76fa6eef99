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
import org.evote.crypto.manifest.DisplayNames;
import org.evote.crypto.record.BoardFile;
import org.evote.crypto.verify.ChallengedBallotCheck;
import org.evote.crypto.verify.VerificationResult;
import org.evote.tally.report.ReportWords;
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
    DisplayNames names = new DisplayNames(config.manifest());
    ReportWords words = ReportWords.english();
    int[] counts = {0, 0};
    BoardFile.open(board).forEachEntry(json -> {
      var e = BoardJson.decodeEntry(Fields.of(json));
      if (e.kind() != EntryKind.BALLOT_CHALLENGED) {
        return;
      }
      EntryPayload.BallotChallenged c = (EntryPayload.BallotChallenged) BoardJson.decodePayload(e);
      VerificationResult r = check.check(c.ballot(), c.seed(), c.plaintext());
      counts[0]++;
      System.out.printf("%s  (board entry %d, ballot style %s)  %s%n", c.ballot().trackingCode(), e.sequence(),
          names.style(c.ballot().styleId()), r.isValid() ? "OK: re-encrypts exactly" : "FAILED: " + r);
      if (!r.isValid()) {
        counts[1]++;
      }
      for (ContestDescription d : config.manifest().contestsFor(c.ballot().styleId())) {
        java.util.List<String> chosen = c.plaintext().marked(d.id()).stream()
            .map(sel -> d.selection(sel).isPresent() ? names.selection(d.id(), sel, words.language()).render(words)
                : "(not a selection of this contest)")
            .toList();
        System.out.printf("    %s: %s%n", names.contest(d.id(), words.language()).render(words),
            chosen.isEmpty() ? "(no selection)" : String.join(", ", chosen));
      }
    });
    System.out.println(counts[0] + " challenged ballots, " + counts[1] + " failed");
    return counts[1] == 0 ? 0 : 1;
  }
}
