package org.evote.server.board;

import jakarta.json.JsonObject;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.board.EntryKind;

/**
 * A submission a registered kiosk sent ({@link SubmissionChecker#authenticate}): its signature over the body's
 * bytes verified for {@code kind}, the body parsed and found to be its own canonical JSON, its ballot's kiosk the
 * signing kiosk. Only {@link SubmissionAuthenticator} makes one, so a value of this type is proof that those checks
 * ran. {@link #unsigned} is the body's object (the entry payload without {@code "signature"}); {@link #revoked}
 * says the kiosk has been revoked since it was registered — only an exact retry of an earlier submission is then
 * answered (with its original receipt).
 */
public final class Authenticated {
  private final EntryKind kind;
  private final String kioskId;
  private final boolean revoked;
  private final JsonObject unsigned;
  private final Ed25519.Signature signature;

  Authenticated(EntryKind kind, String kioskId, boolean revoked, JsonObject unsigned, Ed25519.Signature signature) {
    if (kind == null || kioskId == null || unsigned == null || signature == null) {
      throw new IllegalArgumentException("an authenticated submission is complete");
    }
    this.kind = kind;
    this.kioskId = kioskId;
    this.revoked = revoked;
    this.unsigned = unsigned;
    this.signature = signature;
  }

  public EntryKind kind() {
    return kind;
  }

  public String kioskId() {
    return kioskId;
  }

  public boolean revoked() {
    return revoked;
  }

  public JsonObject unsigned() {
    return unsigned;
  }

  public Ed25519.Signature signature() {
    return signature;
  }

  @Override
  public String toString() {
    return "Authenticated[" + kind.wireName() + " from " + kioskId + "]";
  }
}
