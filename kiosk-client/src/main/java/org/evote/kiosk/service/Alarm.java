package org.evote.kiosk.service;

import java.util.Objects;
import org.evote.board.client.HeadCheck;
import org.evote.board.client.ReceiptCheck;

/**
 * What the kiosk alarms the poll workers about (protocol §9.7): a receipt that failed its check, a board head that
 * failed its check against the head the kiosk kept (rolled back, forked), or an uploaded ballot the board no longer
 * has. Each names the failed check as a type; {@code reason} is English, for logs.
 */
public sealed interface Alarm permits Alarm.ReceiptFailed, Alarm.HeadFailed, Alarm.BallotLost {
  /** How the check failed, in English (for logs; the screen names the check in the voter's language). */
  String reason();

  /** The board answered ballot {@code ballotId} with a receipt that failed check {@code failure}. */
  record ReceiptFailed(String ballotId, ReceiptCheck.Failure failure, String reason) implements Alarm {
    public ReceiptFailed {
      Objects.requireNonNull(ballotId, "ballotId");
      Objects.requireNonNull(failure, "failure");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** A head the board signed failed check {@code failure} against the kept head; the kept head stays. */
  record HeadFailed(HeadCheck.Failure failure, String reason) implements Alarm {
    public HeadFailed {
      Objects.requireNonNull(failure, "failure");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** The board no longer has uploaded ballot {@code ballotId}: it is queued and posted again. */
  record BallotLost(String ballotId, String reason) implements Alarm {
    public BallotLost {
      Objects.requireNonNull(ballotId, "ballotId");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
