package org.evote.crypto.board;

import java.util.Optional;

/** The kinds of board entry (protocol §9.1), with their wire names. */
public enum EntryKind {
  ELECTION_PUBLISHED("election_published"),
  POLLS_OPENED("polls_opened"),
  KIOSK_REGISTERED("kiosk_registered"),
  KIOSK_REVOKED("kiosk_revoked"),
  BALLOT_CAST("ballot_cast"),
  BALLOT_CHALLENGED("ballot_challenged"),
  /**
   * A kiosk's authenticated ballot the board refused, recorded with its reason so that it is visible and the
   * kiosk's chain goes on (§9.6, "Refusal records"); never cast nor challenged, never counted.
   */
  BALLOT_REFUSED("ballot_refused"),
  POLLS_CLOSED("polls_closed"),
  TALLY_PUBLISHED("tally_published");

  private final String wireName;

  EntryKind(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<EntryKind> fromWire(String s) {
    for (EntryKind k : values()) {
      if (k.wireName.equals(s)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
