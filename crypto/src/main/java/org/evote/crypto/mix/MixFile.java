package org.evote.crypto.mix;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.evote.crypto.ceremony.GuardianKey;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.Scalar;
import org.evote.crypto.group.SecretScalar;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.hash.DomainTags;
import org.evote.crypto.hash.Hasher;
import org.evote.crypto.manifest.Ids;

/**
 * One mix of the cascade (protocol §13.5, {@code mix-<p>.json}): position p ≥ 1, made by guardian ℓ; for each mixed
 * contest with N ≥ 1 rows, in manifest order, the hash of the list it took, the shuffled list and its proof of
 * shuffle; and guardian ℓ's Schnorr signature under V_ℓ over all of it ({@link Signature}).
 */
public record MixFile(int position, int mixer, List<Shuffle> shuffles, Signature signature) {
  public MixFile {
    if (position < 1 || mixer < 1) {
      throw new IllegalArgumentException("cascade position and mixer index start at 1");
    }
    shuffles = List.copyOf(shuffles);
    Set<String> seen = new HashSet<>();
    for (Shuffle s : shuffles) {
      if (!seen.add(s.contestId())) {
        throw new IllegalArgumentException("the mix has two lists of " + s.contestId());
      }
    }
    if (signature == null) {
      throw new IllegalArgumentException("a mix file is signed");
    }
  }

  /** One contest's shuffle: the hash of its input list, the output list and the proof. */
  public record Shuffle(String contestId, Digest inputHash, List<MixRow> output, ShuffleProof proof) {
    public Shuffle {
      if (!Ids.isValid(contestId)) {
        throw new IllegalArgumentException("invalid contest id");
      }
      if (inputHash == null || proof == null) {
        throw new IllegalArgumentException("a shuffle needs its input's hash and its proof");
      }
      output = new MixList(contestId, output).rows();
      if (output.isEmpty()) {
        throw new IllegalArgumentException("an empty list is not shuffled");
      }
    }

    /** The output as a list. */
    public MixList outputList() {
      return new MixList(contestId, output);
    }
  }

  /**
   * The mixer's Schnorr signature (§13.5): commitment h = u·G, challenge c = H(MIX_SIGNATURE; DIGEST H_E, INT p,
   * INT ℓ, ELEMENT V_ℓ, INT number of lists, then per list STRING contest id, DIGEST input hash, DIGEST output
   * hash, then ELEMENT h), response v = u + c·s_ℓ; valid when h ≠ O and v·G = h + c·V_ℓ.
   */
  public record Signature(Element commitment, Scalar response) {
    public Signature {
      if (commitment == null || response == null) {
        throw new IllegalArgumentException("signature fields must not be null");
      }
    }
  }

  /** Signs the shuffles as guardian {@code key} at {@code position}, with a fresh nonce from {@code random}. */
  public static MixFile sign(Digest extendedHash, GuardianKey key, int position, List<Shuffle> shuffles,
      SecureRandom random) {
    SecretScalar u = SecretScalar.random(random);
    Element h = Element.gPow(u);
    Scalar c = challenge(extendedHash, position, key.index(), key.verificationKey(), shuffles, h);
    return new MixFile(position, key.index(), shuffles, new Signature(h, u.add(key.share().multiply(c))
        .revealSecret()));
  }

  /** True if the signature holds under {@code verificationKey} (guardian ℓ's V_ℓ). */
  public boolean signatureHolds(Digest extendedHash, Element verificationKey) {
    if (signature.commitment().isIdentity()) {
      return false;
    }
    Scalar c = challenge(extendedHash, position, mixer, verificationKey, shuffles, signature.commitment());
    Element lhs = Element.gPow(signature.response());
    return lhs.equals(signature.commitment().add(verificationKey.multiply(c)));
  }

  private static Scalar challenge(Digest extendedHash, int position, int mixer, Element verificationKey,
      List<Shuffle> shuffles, Element h) {
    Hasher hasher = Hasher.tagged(DomainTags.MIX_SIGNATURE).digest(extendedHash).integer(position).integer(mixer)
        .element(verificationKey).integer(shuffles.size());
    for (Shuffle s : shuffles) {
      hasher.string(s.contestId()).digest(s.inputHash()).digest(s.outputList().hash(extendedHash));
    }
    return hasher.element(h).toScalar();
  }
}
