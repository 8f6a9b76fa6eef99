package org.evote.crypto.decrypt;

import java.util.List;
import org.evote.crypto.ballot.DecodedRow;
import org.evote.crypto.manifest.Ids;

/**
 * One mixed contest's decrypted rows, in the order of its final mixed list (protocol §13.5): the anonymized
 * cast-vote records of {@code mixed_ballots.json}.
 */
public record DecodedList(String contestId, List<DecodedRow> rows) {
  public DecodedList {
    if (!Ids.isValid(contestId)) {
      throw new IllegalArgumentException("invalid contest id");
    }
    rows = List.copyOf(rows);
  }
}
