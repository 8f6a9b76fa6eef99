package org.evote.crypto.ceremony;

import java.security.MessageDigest;
import java.security.SecureRandom;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.P256;
import org.evote.crypto.group.Scalar;
import org.evote.crypto.group.SecretScalar;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.hash.DomainTags;
import org.evote.crypto.hash.Hasher;

/**
 * Encryption of key-ceremony shares (protocol §7.3). With ephemeral ξ, α = ξ·G, the key is
 * k = H(SHARE_KEY; H_B, i, ℓ, K_i,0, K_ℓ,0, α, ξ·K_ℓ,0, a_i,0·K_ℓ,0); C = P_i(ℓ) ⊕ H(SHARE_PAD; k) and
 * MAC = H(SHARE_MAC; k, i, ℓ, α, C). The last Diffie–Hellman term authenticates the sender: only guardians i and
 * ℓ can compute it.
 */
public final class ShareEncryption {
  private ShareEncryption() {}

  /** Thrown when a received share cannot be accepted; the message is the complaint's reason. */
  public static final class BadShareException extends Exception {
    private static final long serialVersionUID = 1L;

    public BadShareException(String reason) {
      super(reason);
    }
  }

  /** Encrypts P_i(ℓ) from {@code sender} for the guardian with record {@code recipient}. */
  public static EncryptedShare encrypt(Digest baseHash, GuardianPolynomial sender, GuardianRecord senderRecord,
      GuardianRecord recipient, SecureRandom random) {
    return encrypt(baseHash, sender, senderRecord, recipient, SecretScalar.random(random));
  }

  /** As the public {@code encrypt}, with ξ given (known-answer tests). */
  static EncryptedShare encrypt(Digest baseHash, GuardianPolynomial sender, GuardianRecord senderRecord,
      GuardianRecord recipient, SecretScalar ephemeralSecret) {
    int i = sender.index();
    int l = recipient.index();
    Element alpha = Element.gPow(ephemeralSecret);
    Element dh1 = recipient.publicKey().multiply(ephemeralSecret);
    Element dh2 = recipient.publicKey().multiply(sender.coefficient(0));
    Digest key = key(baseHash, i, l, senderRecord.publicKey(), recipient.publicKey(), alpha, dh1, dh2);
    byte[] c = xor(sender.shareFor(l).revealSecret().toBytes(), pad(key));
    Digest ciphertext = Digest.of(c);
    return new EncryptedShare(i, l, alpha, ciphertext, mac(key, i, l, alpha, ciphertext));
  }

  /**
   * Decrypts and checks a share addressed to {@code recipient}: the MAC, the range of the scalar, and that it
   * matches the sender's commitments. Returns P_i(ℓ).
   */
  public static SecretScalar decrypt(Digest baseHash, EncryptedShare share, GuardianRecord senderRecord,
      GuardianPolynomial recipient, GuardianRecord recipientRecord) throws BadShareException {
    int i = share.sender();
    int l = share.recipient();
    if (l != recipient.index() || senderRecord.index() != i || recipientRecord.index() != l) {
      throw new IllegalArgumentException("share is not from this sender to this recipient");
    }
    if (share.ephemeral().isIdentity()) {
      throw new BadShareException("share from guardian " + i + " has an identity ephemeral key");
    }
    SecretScalar secret = recipient.coefficient(0);
    Element dh1 = share.ephemeral().multiply(secret);
    Element dh2 = senderRecord.publicKey().multiply(secret);
    Digest key = key(baseHash, i, l, senderRecord.publicKey(), recipientRecord.publicKey(), share.ephemeral(),
        dh1, dh2);
    Digest expected = mac(key, i, l, share.ephemeral(), share.ciphertext());
    if (!MessageDigest.isEqual(expected.toBytes(), share.mac().toBytes())) {
      throw new BadShareException("share from guardian " + i + " fails authentication (wrong MAC)");
    }
    java.math.BigInteger v = new java.math.BigInteger(1, xor(share.ciphertext().toBytes(), pad(key)));
    if (v.compareTo(P256.Q) >= 0) {
      throw new BadShareException("share from guardian " + i + " is not a scalar below q");
    }
    SecretScalar value = SecretScalar.of(Scalar.of(v));
    if (!Element.gPow(value).equals(senderRecord.shareImage(l))) {
      throw new BadShareException("share from guardian " + i + " does not match its published commitments");
    }
    return value;
  }

  private static Digest key(Digest baseHash, int i, int l, Element senderKey, Element recipientKey, Element alpha,
      Element dh1, Element dh2) {
    return Hasher.tagged(DomainTags.SHARE_KEY).digest(baseHash).integer(i).integer(l).element(senderKey)
        .element(recipientKey).element(alpha).element(dh1).element(dh2).digest();
  }

  private static byte[] pad(Digest key) {
    return Hasher.tagged(DomainTags.SHARE_PAD).digest(key).digest().toBytes();
  }

  private static Digest mac(Digest key, int i, int l, Element alpha, Digest ciphertext) {
    return Hasher.tagged(DomainTags.SHARE_MAC).digest(key).integer(i).integer(l).element(alpha)
        .digest(ciphertext).digest();
  }

  private static byte[] xor(byte[] a, byte[] b) {
    byte[] out = new byte[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = (byte) (a[i] ^ b[i]);
    }
    return out;
  }
}
