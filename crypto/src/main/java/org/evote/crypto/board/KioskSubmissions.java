package org.evote.crypto.board;

import java.nio.charset.StandardCharsets;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.hash.DomainTags;
import org.evote.crypto.hash.Hasher;

/**
 * What a kiosk signs when it submits a ballot (protocol §9.5): H(KIOSK_SUBMISSION; H_E, kind, canonical JSON of
 * the entry payload without its "signature" member). The board stores the signature in the entry, so anyone can
 * check that a registered kiosk sent exactly this ballot under exactly this request id.
 */
public final class KioskSubmissions {
  private KioskSubmissions() {}

  public static Digest message(Digest extendedHash, EntryKind kind, String canonicalUnsignedPayload) {
    return message(extendedHash, kind, canonicalUnsignedPayload.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The message over the bytes of the canonical unsigned payload as they came (a submission's request body,
   * docs/api.md): what the board checks the signature against before it parses anything. Linear in their length.
   */
  public static Digest message(Digest extendedHash, EntryKind kind, byte[] canonicalUnsignedPayload) {
    if (kind != EntryKind.BALLOT_CAST && kind != EntryKind.BALLOT_CHALLENGED) {
      throw new IllegalArgumentException("only ballot entries are kiosk submissions");
    }
    return Hasher.tagged(DomainTags.KIOSK_SUBMISSION).digest(extendedHash).string(kind.wireName())
        .bytes(canonicalUnsignedPayload).digest();
  }
}
