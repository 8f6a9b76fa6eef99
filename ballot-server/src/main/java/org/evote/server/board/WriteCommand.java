package org.evote.server.board;

import org.evote.crypto.board.BoardEntry;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.board.EntryPayload;

/**
 * A write the board's single writer performs, typed by what its caller gets once it is durable: a
 * {@link Receipt} for a ballot, the appended {@link BoardEntry} for an administrator action.
 *
 * @param <R> the result the caller's future completes with
 */
public sealed interface WriteCommand<R> {
  /** Append a verified ballot (cast or challenged). */
  record AppendBallot(VerifiedSubmission submission) implements WriteCommand<Receipt> {}

  /** An administrator action: one control entry. */
  sealed interface AdminCommand extends WriteCommand<BoardEntry> {}

  /** Post polls_opened. */
  record OpenPolls() implements AdminCommand {}

  /** Post polls_closed with every kiosk's chain close (§5.4). */
  record ClosePolls() implements AdminCommand {}

  /** Post kiosk_registered. */
  record RegisterKiosk(String kioskId, Ed25519.PublicKey publicKey) implements AdminCommand {}

  /** Post kiosk_revoked. */
  record RevokeKiosk(String kioskId, String reason) implements AdminCommand {}

  /** Post tally_published. */
  record PublishTally(EntryPayload.TallyPublished tally) implements AdminCommand {}
}
