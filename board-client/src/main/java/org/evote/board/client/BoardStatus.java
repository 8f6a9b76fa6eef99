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
 */
public record BoardStatus(String electionName, Polls polls, long castBallots, long challengedBallots, long entries,
    Optional<SignedHead> signedHead, boolean acceptingBallots, Optional<String> problem) {
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
        f.optionalString("problem"));
  }
}
