package org.evote.crypto.manifest;

import java.util.Optional;

/**
 * The contest kinds this protocol supports (protocol §5.1). All count each selection 0 or 1 and differ only in
 * how many selections a voter may mark; ranked and cumulative kinds (rcv, borda, cumulative, …) are rejected.
 */
public enum VoteVariation {
  ONE_OF_M("one_of_m"),
  N_OF_M("n_of_m"),
  APPROVAL("approval"),
  PLURALITY("plurality");

  private final String wireName;

  VoteVariation(String wireName) {
    this.wireName = wireName;
  }

  /** The manifest's spelling. */
  public String wireName() {
    return wireName;
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
