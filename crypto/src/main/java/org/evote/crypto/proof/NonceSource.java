package org.evote.crypto.proof;

import java.security.SecureRandom;
import java.util.function.BiFunction;
import org.evote.crypto.group.SecretScalar;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.hash.DomainTags;
import org.evote.crypto.hash.Hasher;

/**
 * Where a range prover's secret nonces come from: derived from a ballot seed ξ (so a disclosed seed re-creates the
 * whole ballot, protocol §3.2) or drawn from the caller's one SecureRandom. There is no public way to hand a prover
 * chosen nonces; known-answer tests use the package-private {@link #explicit}.
 */
public final class NonceSource {
  private final BiFunction<String, Integer, SecretScalar> nonces;

  private NonceSource(BiFunction<String, Integer, SecretScalar> nonces) {
    this.nonces = nonces;
  }

  /** Fresh randomness for every request. */
  public static NonceSource random(SecureRandom random) {
    return new NonceSource((purpose, index) -> SecretScalar.random(random));
  }

  /**
   * The proof nonces of one range proof of a ballot (§3.2): H_wide(NONCE_PROOF; H_E, ξ, ballot id, contest id,
   * selection id or "" for the contest proof, purpose, j). The seed is copied; the caller wipes its own.
   */
  public static NonceSource fromBallotSeed(Digest extendedHash, byte[] seed, String ballotId, String contestId,
      String selectionId) {
    byte[] copy = seed.clone();
    return new NonceSource((purpose, index) -> Hasher.tagged(DomainTags.NONCE_PROOF).digest(extendedHash)
        .bytes(copy).string(ballotId).string(contestId).string(selectionId).string(purpose).integer(index)
        .toWideSecret());
  }

  /** Nonces from {@code nonces} (known-answer tests only). */
  static NonceSource explicit(BiFunction<String, Integer, SecretScalar> nonces) {
    return new NonceSource(nonces);
  }

  /** The nonce named {@code purpose} ("u", "c", "v") for branch {@code index}. */
  SecretScalar nonce(String purpose, int index) {
    return nonces.apply(purpose, index);
  }

  @Override
  public String toString() {
    return "NonceSource[secret]";
  }
}
