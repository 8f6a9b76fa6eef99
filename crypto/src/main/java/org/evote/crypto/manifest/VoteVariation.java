package org.evote.crypto.manifest;

import java.util.Optional;

/**
 * The contest kinds this protocol supports (protocol §5.1). The first four count each selection 0 or 1
 * homomorphically and differ only in how many selections a voter may mark; {@link #RCV} is ranked choice, whose
 * rankings are mixed and counted by instant runoff (protocol §13). Other kinds (borda, cumulative, star, …) are
 * rejected.
 */
public enum VoteVariation {
  ONE_OF_M("one_of_m"),
  N_OF_M("n_of_m"),
  APPROVAL("approval"),
  PLURALITY("plurality"),
  /** Ranked choice: a voter ranks up to {@code votes_allowed} selections; counted by instant runoff (§13.6). */
  RCV("rcv");

  private final String wireName;

  VoteVariation(String wireName) {
    this.wireName = wireName;
  }

  /** The manifest's spelling. */
  public String wireName() {
    return wireName;
  }

  /** True for ranked choice, whose contests are encrypted as rankings and mixed (§5.2, §13). */
  public boolean isRanked() {
    return this == RCV;
  }

  public static Optional<VoteVariation> fromWire(String s) {
    for (VoteVariation v : values()) {
      if (v.wireName.equals(s)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }
}
