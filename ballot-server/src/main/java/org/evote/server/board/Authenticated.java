package org.evote.server.board;

import jakarta.json.JsonObject;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.board.EntryKind;

/**
 * A submission a registered kiosk sent ({@link SubmissionChecker#authenticate}): its signature over the body's
 * bytes verified for {@code kind}, the body parsed and found to be its own canonical JSON, its ballot's kiosk the
 * signing kiosk. {@code unsigned} is the body's object (the entry payload without {@code "signature"});
 * {@code revoked} says the kiosk has been revoked since — only an exact retry of an earlier submission is then
 * answered (with its original receipt).
 */
public record Authenticated(EntryKind kind, String kioskId, boolean revoked, JsonObject unsigned,
    Ed25519.Signature signature) {
  public Authenticated {
    if (kind == null || kioskId == null || unsigned == null || signature == null) {
      throw new IllegalArgumentException("an authenticated submission is complete");
    }
  }
}
