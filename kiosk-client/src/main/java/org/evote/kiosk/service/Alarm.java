package org.evote.kiosk.service;

import java.util.Objects;
import org.evote.board.client.HeadCheck;
import org.evote.board.client.ReceiptCheck;
import org.evote.board.client.WitnessedHistory;

/**
 * What the kiosk alarms the poll workers about (protocol §9.7): a receipt that failed its check, a board head that
 * failed its check against the head the kiosk kept (rolled back, forked), an uploaded ballot the board no longer
 * has, and — with an election notice — a witnessed history other than the kept one, or ballots no quorum-cosigned
 * checkpoint covers after the polls closed; and a ballot the board refused. Each names the failed check as a type; {@code reason} is English, for
 * logs.
 */
public sealed interface Alarm permits Alarm.ReceiptFailed, Alarm.HeadFailed, Alarm.BallotLost, Alarm.WitnessFailed,
    Alarm.NotCovered, Alarm.BallotRefused {
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

  /** The board's witness-cosigned checkpoint failed check {@code failure} against the kept head. */
  record WitnessFailed(WitnessedHistory.Failure failure, String reason) implements Alarm {
    public WitnessFailed {
      Objects.requireNonNull(failure, "failure");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** After the polls closed, no quorum-cosigned checkpoint covers these uploaded ballots. */
  record NotCovered(java.util.List<String> ballotIds, String reason) implements Alarm {
    public NotCovered {
      ballotIds = java.util.List.copyOf(ballotIds);
      if (ballotIds.isEmpty()) {
        throw new IllegalArgumentException("no ballots");
      }
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * The board refused ballot {@code ballotId} for good, with refusal code {@code code}; {@code recorded}: the board
   * recorded the refusal (a {@code ballot_refused} entry whose receipt the kiosk checked), so the kiosk's later
   * ballots still continue its chain; otherwise the ballot is not on the board at all.
   */
  record BallotRefused(String ballotId, String code, boolean recorded, String reason) implements Alarm {
    public BallotRefused {
      Objects.requireNonNull(ballotId, "ballotId");
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
