package org.evote.server.board;

import org.evote.crypto.board.EntryKind;

/**
 * A kiosk submission as it arrived (docs/api.md, "Kiosk submissions"), nothing about it checked yet: the kind of the
 * endpoint it was posted to, its three headers as sent (null when missing) and its body's bytes. The body is
 * meant to be the canonical JSON of the entry payload without its signature, and the signature (header) the
 * kiosk's over exactly those bytes (protocol §9.5).
 */
public record SubmissionRequest(EntryKind kind, String electionHeader, String kioskHeader, String signatureHeader,
    byte[] body) {
  public SubmissionRequest {
    if (kind != EntryKind.BALLOT_CAST && kind != EntryKind.BALLOT_CHALLENGED) {
      throw new IllegalArgumentException("kiosks submit only cast and challenged ballots, not " + kind);
    }
    if (body == null) {
      throw new IllegalArgumentException("a submission has a body");
    }
  }
}
