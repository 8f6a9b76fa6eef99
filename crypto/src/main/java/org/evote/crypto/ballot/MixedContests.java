package org.evote.crypto.ballot;

import java.util.List;
import org.evote.crypto.group.Element;
import org.evote.crypto.manifest.ContestDescription;
import org.evote.crypto.manifest.Manifest;
import org.evote.crypto.mix.MixRow;

/**
 * Which contests are mixed and how their rows are laid out (protocol §5.6, §13.2) — the one home of that rule. A
 * contest is mixed if it is ranked or has a write-in line. Its row on one ballot is: for a ranked contest the L
 * rank ciphertexts in rank order, then for each write-in line in selection order the {@link #WRITE_IN_POINTS}
 * ciphertexts of its name.
 */
public final class MixedContests {
  /** The number of points (and ciphertexts) that carry one write-in name (§5.6). */
  public static final int WRITE_IN_POINTS = 3;

  private MixedContests() {}

  /** True if {@code contest} is ranked or has a write-in line. */
  public static boolean isMixed(Manifest manifest, ContestDescription contest) {
    throw new UnsupportedOperationException("ballot15: not yet implemented");
  }

  /** The mixed contests of the manifest, in manifest order. */
  public static List<ContestDescription> mixed(Manifest manifest) {
    throw new UnsupportedOperationException("ballot15: not yet implemented");
  }

  /** The width w of the contest's rows. */
  public static int width(Manifest manifest, ContestDescription contest) {
    throw new UnsupportedOperationException("ballot15: not yet implemented");
  }

  /** The row of one encrypted (cast) contest. */
  public static MixRow row(Manifest manifest, EncryptedContest contest) {
    throw new UnsupportedOperationException("ballot15: not yet implemented");
  }

  /**
   * Reads a row's decrypted plaintexts (the points M_j = B_j − Σ w_ℓ·M_ℓ,j, §13.5) back into a ranking and names.
   * Total: a point that is no valid rank or name is reported as such, never thrown.
   */
  public static DecodedRow decode(Manifest manifest, ContestDescription contest, List<Element> plaintexts) {
    throw new UnsupportedOperationException("ballot15: not yet implemented");
  }
}
