package org.evote.crypto.decrypt;

import java.util.ArrayList;
import java.util.List;
import org.evote.crypto.ballot.DecodedRow;
import org.evote.crypto.ballot.MixedContests;
import org.evote.crypto.count.InstantRunoff;
import org.evote.crypto.count.Lot;
import org.evote.crypto.ballot.WriteIns;
import org.evote.crypto.count.RankedResult;
import org.evote.crypto.count.Ranking;
import org.evote.crypto.count.WriteInCount;
import org.evote.crypto.group.Element;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.manifest.ContestDescription;
import org.evote.crypto.manifest.Manifest;
import org.evote.crypto.mix.MixList;

/**
 * From the decrypted final lists to the results (protocol §13.5–§13.7), the one home of that path for the tally and
 * for the verifier (V22, V23): the points of each row decoded ({@link MixedContests#decode}), each ranked contest
 * counted by instant runoff with its lot seed, and each write-in line's names listed.
 */
public final class MixedResults {
  private MixedResults() {}

  /** The ranked contests' counts and the write-in lines' lists, in manifest order. */
  public record Counts(List<RankedResult> ranked, List<WriteInCount> writeIns) {
    public Counts {
      ranked = List.copyOf(ranked);
      writeIns = List.copyOf(writeIns);
    }
  }

  /** A row whose points decode to no valid row (a rank outside 0 … n): which list and row. */
  public static final class UndecodableRowException extends Exception {
    private static final long serialVersionUID = 1L;

    public UndecodableRowException(String message) {
      super(message);
    }
  }

  /**
   * Decodes the plaintext points of every non-empty final list ({@code points}, as
   * {@link org.evote.crypto.decrypt.MixDecryptor#combine} gives them) into one {@link DecodedList} per mixed
   * contest, in manifest order (an empty list decodes to no rows).
   */
  public static List<DecodedList> decode(Manifest manifest, List<MixList> finalLists, List<List<List<Element>>> points)
      throws UndecodableRowException {
    List<DecodedList> out = new ArrayList<>();
    int c = 0;
    for (MixList list : finalLists) {
      ContestDescription contest = manifest.contest(list.contestId()).orElseThrow(
          () -> new IllegalArgumentException("no contest " + list.contestId()));
      if (list.size() == 0) {
        out.add(new DecodedList(list.contestId(), List.of()));
        continue;
      }
      List<List<Element>> rows = points.get(c++);
      List<DecodedRow> decoded = new ArrayList<>(rows.size());
      for (int i = 0; i < rows.size(); i++) {
        try {
          decoded.add(MixedContests.decode(manifest, contest, rows.get(i)));
        } catch (IllegalArgumentException e) {
          throw new UndecodableRowException("row " + i + " of " + list.contestId() + ": " + e.getMessage());
        }
      }
      out.add(new DecodedList(list.contestId(), decoded));
    }
    return out;
  }

  /** Counts the decoded lists: instant runoff per ranked contest, the names per write-in line. */
  public static Counts count(Manifest manifest, Digest extendedHash, List<MixList> finalLists,
      List<DecodedList> decoded) {
    List<RankedResult> ranked = new ArrayList<>();
    List<WriteInCount> writeIns = new ArrayList<>();
    for (int c = 0; c < decoded.size(); c++) {
      DecodedList list = decoded.get(c);
      ContestDescription contest = manifest.contest(list.contestId()).orElseThrow();
      if (contest.isRanked()) {
        List<Ranking> rankings = list.rows().stream().map(DecodedRow::ranking).toList();
        ranked.add(InstantRunoff.count(contest, rankings,
            Lot.seed(extendedHash, list.contestId(), finalLists.get(c).hash(extendedHash))));
      }
      writeIns.addAll(WriteIns.count(manifest, contest, list.rows()));
    }
    return new Counts(ranked, writeIns);
  }
}
