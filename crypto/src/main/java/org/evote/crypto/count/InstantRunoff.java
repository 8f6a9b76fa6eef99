package org.evote.crypto.count;

import java.util.List;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.manifest.ContestDescription;

/**
 * Instant-runoff count under Maine's rules (21-A M.R.S. §723-A and 29-250 C.M.R. ch. 535; protocol §13.6), with
 * ties for last place decided by a public, reproducible lot seeded by {@code lotSeed}.
 */
public final class InstantRunoff {
  private InstantRunoff() {}

  /** Counts {@code rankings} of {@code contest} (a ranked contest). */
  public static RankedResult count(ContestDescription contest, List<Ranking> rankings, Digest lotSeed) {
    throw new UnsupportedOperationException("count15: not yet implemented");
  }
}
