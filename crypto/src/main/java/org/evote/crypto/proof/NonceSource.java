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

  /**
   * The nonces of rank {@code rank} (1 … L) of a ranked contest (§3.2): H_wide(NONCE_RANK; H_E, ξ, ballot id,
   * contest id, rank, purpose, j) — purpose "r", j = 0 the rank's encryption nonce ({@link #encryptionNonce}),
   * "u", "c", "v" its range proof's.
   */
  public static NonceSource forRank(Digest extendedHash, byte[] seed, String ballotId, String contestId, int rank) {
    byte[] copy = seed.clone();
    return new NonceSource((purpose, index) -> Hasher.tagged(DomainTags.NONCE_RANK).digest(extendedHash)
        .bytes(copy).string(ballotId).string(contestId).integer(rank).string(purpose).integer(index)
        .toWideSecret());
  }

  /**
   * The nonces of name ciphertext k (1 … 3) of a write-in line (§3.2): H_wide(NONCE_WRITE_IN; H_E, ξ, ballot id,
   * contest id, selection id, k, purpose, 0) — purpose "r" the encryption nonce ({@link #encryptionNonce}), "u"
   * the write-in proof's.
   */
  public static NonceSource forWriteIn(Digest extendedHash, byte[] seed, String ballotId, String contestId,
      String selectionId, int k) {
    byte[] copy = seed.clone();
    return new NonceSource((purpose, index) -> Hasher.tagged(DomainTags.NONCE_WRITE_IN).digest(extendedHash)
        .bytes(copy).string(ballotId).string(contestId).string(selectionId).integer(k).string(purpose)
        .integer(index).toWideSecret());
  }

  /** The encryption nonce r of a rank or name ciphertext: the nonce named "r", 0 (§3.2). */
  public SecretScalar encryptionNonce() {
    return nonce("r", 0);
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
