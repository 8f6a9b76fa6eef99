package org.evote.crypto.verify;

import java.util.List;
import java.util.Optional;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.json.Fields;
import org.evote.crypto.json.MixFileJson;
import org.evote.crypto.mix.MixCascade;
import org.evote.crypto.mix.MixFile;
import org.evote.crypto.tally.MixInput;
import org.evote.crypto.mix.MixList;

/**
 * V21: the record's mix files decode, and the cascade they form over the cast ballots' rows holds
 * ({@link MixCascade#check}: positions, distinct guardian mixers, at least k of them, signatures, inputs, proofs of
 * shuffle).
 */
final class MixCascadeCheck {
  private MixCascadeCheck() {}

  /** The final lists if V21 passed. */
  static Optional<List<MixList>> run(ElectionConfig config, MixInput input, List<MixRecord.File> files,
      java.security.SecureRandom random, int threads, VerificationReport.Recorder v21) {
    if (input.broken() != null) {
      v21.fail("cast ballots", input.broken());
      return Optional.empty();
    }
    List<MixList> lists = input.lists();
    java.util.Map<String, MixFileJson.Shape> shapes = MixFileJson.shapes(lists);
    // One mix file at a time: only the current lists and the mix being checked are in memory.
    MixCascade.Cursor cursor = new MixCascade.Cursor(config, lists, random, threads);
    lists = null; // the cursor holds the current lists from here on
    for (MixRecord.File file : files) {
      MixRecord.Present p = (MixRecord.Present) file;
      MixFile m;
      try {
        m = MixFileJson.decode(Fields.of(p.read(), p.name()), shapes);
      } catch (InvalidFieldException e) {
        v21.fail(p.name(), e.getMessage());
        return Optional.empty();
      }
      if (!p.name().equals(MixRecord.fileName(m.position()))) {
        v21.fail(p.name(), "holds the mix at position " + m.position() + "; its name must be "
            + MixRecord.fileName(m.position()));
        return Optional.empty();
      }
      if (cursor.next(m).isPresent()) {
        break;
      }
    }
    MixCascade.Check check = cursor.finish(true);
    if (check instanceof MixCascade.Fails f) {
      v21.checked(f.proofs());
      v21.fail(f.object(), f.reason());
      return Optional.empty();
    }
    MixCascade.Holds h = (MixCascade.Holds) check;
    v21.checked(h.proofs());
    return Optional.of(h.finalLists());
  }
}
