package org.evote.kiosk.service;

import java.util.Objects;

/**
 * No new ballot can be started on this kiosk (protocol §9.7, "What the kiosk does with a refusal"): the board refused
 * one of its chained ballots without recording the refusal, so the kiosk's chain on the board stops before it and
 * every later ballot of the chain would be refused {@code chain_broken}. The poll workers' alarm names the ballot
 * and its reason; only the election office can put the kiosk back in service.
 */
public final class ChainBrokenException extends IllegalStateException {
  private static final long serialVersionUID = 1L;
  private final transient RefusedBallot refused;

  public ChainBrokenException(RefusedBallot refused) {
    super("no new ballot can be started: the board refused ballot " + refused.ballotId() + " (" + refused.reason()
        + ") without a record, so the kiosk's later ballots would not continue its chain on the board");
    this.refused = Objects.requireNonNull(refused, "refused");
  }

  /** The first ballot the board refused without a record: where the kiosk's chain on the board stops. */
  public RefusedBallot refused() {
    return refused;
  }
}
