package org.evote.board.client;

import jakarta.json.JsonObject;
import java.util.Objects;
import java.util.Optional;
import org.evote.crypto.board.SignedHead;
import org.evote.crypto.json.BoardJson;
import org.evote.crypto.json.Fields;

/**
 * What {@code GET /api/status} serves.
 *
 * @param entries the size of the latest signed head
 * @param acceptingBallots false after a failed write, until the server restarts; {@code problem} then says why
 * @param refusedBallots the ballots the board refused and recorded ({@code ballot_refused}, protocol §9.6)
 * @param time the board's clock when it answered (integer Unix seconds): the time it dates entries by, which a
 *     kiosk measures its own clock against
 * @param practice true on a practice board ({@code ./evote server init --practice}): ballots cast there are never
 *     counted, and kiosks and the observer page say so on every screen (absent: false)
 */
public record BoardStatus(String electionName, Polls polls, long castBallots, long challengedBallots, long entries,
    Optional<SignedHead> signedHead, boolean acceptingBallots, Optional<String> problem, long refusedBallots,
    long time, boolean practice) {
  public BoardStatus {
    Objects.requireNonNull(electionName, "electionName");
    Objects.requireNonNull(polls, "polls");
    Objects.requireNonNull(signedHead, "signedHead");
    Objects.requireNonNull(problem, "problem");
  }

  /** The state of the polls. */
  public enum Polls {
    NOT_OPENED, OPEN, CLOSED;

    static Polls fromWire(String s) {
      return switch (s) {
        case "not_opened" -> NOT_OPENED;
        case "open" -> OPEN;
        case "closed" -> CLOSED;
        default -> throw new IllegalArgumentException("unknown polls state " + s);
      };
    }
  }

  static BoardStatus decode(JsonObject json) {
    Fields f = Fields.of(json);
    Optional<SignedHead> head = f.has("signed_head") ? Optional.of(BoardJson.decodeHead(f.object("signed_head")))
        : Optional.empty();
    return new BoardStatus(f.string("election_name"), Polls.fromWire(f.string("polls")), f.integer("cast_ballots"),
        f.integer("challenged_ballots"), f.integer("entries"), head, f.bool("accepting_ballots", true),
        f.optionalString("problem"), f.has("refused_ballots") ? f.integer("refused_ballots", 0, Long.MAX_VALUE) : 0,
        f.integer("time", 0, Long.MAX_VALUE), f.bool("practice", false));
  }
}
