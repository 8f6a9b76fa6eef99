package org.evote.crypto.ceremony;

import org.evote.crypto.group.Element;
import org.evote.crypto.hash.Digest;

/**
 * The share P_i(ℓ) that guardian i (sender) sends guardian ℓ (recipient), encrypted to K_ℓ,0 and authenticated
 * by a static Diffie–Hellman term only i and ℓ can compute (protocol §7.3): ephemeral α = ξ·G, 32-byte
 * ciphertext C and 32-byte MAC.
 */
public record EncryptedShare(int sender, int recipient, Element ephemeral, Digest ciphertext, Digest mac) {
  public EncryptedShare {
    if (sender < 1 || recipient < 1 || sender == recipient) {
      throw new IllegalArgumentException("a share goes from one guardian to another");
    }
    if (ephemeral == null || ciphertext == null || mac == null) {
      throw new IllegalArgumentException("encrypted share fields must not be null");
    }
  }
}
