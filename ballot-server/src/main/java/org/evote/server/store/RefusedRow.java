package org.evote.server.store;

/**
 * What the server indexes about a {@code ballot_refused} entry (protocol §9.6, "Refusal records"): the refused
 * ballot's ids, kiosk and request id, the kind it was submitted as, its confirmation code (full hex and short
 * tracking form), the recorded reason, the hash of the exact submission (so a retry gets the same answer) and the
 * size of the signed head that first covered it. Kept apart from the ballot rows: a refused ballot's id or code may
 * repeat an accepted ballot's (that can be why it was refused).
 */
public record RefusedRow(long sequence, String kioskId, String requestId, String ballotId, String submissionKind,
    String confirmationCode, String trackingCode, String reason, String submissionHash, long headSize,
    long timestamp) {

  /** The same row covered first by the head of {@code size}. */
  public RefusedRow withHeadSize(long size) {
    return new RefusedRow(sequence, kioskId, requestId, ballotId, submissionKind, confirmationCode, trackingCode,
        reason, submissionHash, size, timestamp);
  }

  /**
   * The row as a receipt is made from: a ballot row of kind {@code ballot_refused} (the entry's kind), with the
   * refused ballot's ids and codes.
   */
  public BallotRow asBallotRow() {
    return new BallotRow(ballotId, sequence, kioskId, requestId, "ballot_refused", confirmationCode, trackingCode,
        submissionHash, headSize, timestamp);
  }
}
