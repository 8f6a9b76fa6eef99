package org.evote.crypto.ceremony;

import java.util.List;
import org.evote.crypto.hash.Digest;

/**
 * The public transcript of a key ceremony (protocol §7.3, §10.3): every encrypted share that guardian i sent
 * guardian ℓ, every complaint and every reveal that answered one, bound to the election by H_B and to this
 * ceremony's outcome by H_E (which fixes every guardian's commitments). Holds no secret: the shares are encrypted,
 * and a reveal is public by the complaint procedure. Whether it is complete and every complaint resolved is checked
 * by step V18, not here.
 */
public record CeremonyTranscript(Digest baseHash, Digest extendedHash, List<EncryptedShare> shares,
    List<ShareComplaint> complaints, List<ShareReveal> reveals) {
  public CeremonyTranscript {
    if (baseHash == null || extendedHash == null) {
      throw new IllegalArgumentException("a ceremony transcript names its election (H_B and H_E)");
    }
    shares = List.copyOf(shares);
    complaints = List.copyOf(complaints);
    reveals = List.copyOf(reveals);
  }
}
