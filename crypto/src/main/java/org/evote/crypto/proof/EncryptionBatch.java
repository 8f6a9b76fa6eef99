package org.evote.crypto.proof;

import java.math.BigInteger;
import org.evote.crypto.elgamal.Ciphertext;
import org.evote.crypto.elgamal.ElectionPublicKey;
import org.evote.crypto.group.SecretScalar;
import org.evote.crypto.group.internal.Curve;
import org.evote.crypto.group.internal.FixedBaseBatch;
import org.evote.crypto.group.internal.FixedBaseTable;
import org.evote.crypto.group.internal.Points;

/**
 * The fixed-base multiplications of many encryptions and range proofs under one key, computed together (protocol
 * §1.5): register every ciphertext ({@link #encrypt}) and range proof ({@link #rangeProof}) of a ballot,
 * {@link #run()} once, then read the ciphertexts and {@link RangeProof.Pending#finish finish} the proofs. The results
 * are the points {@link org.evote.crypto.elgamal.ElGamal#encrypt} and {@link RangeProof#prove} give. Holds secrets
 * until run; one per ballot, not thread-safe, never printed.
 */
public final class EncryptionBatch {
  private final ElectionPublicKey key;
  private final FixedBaseTable kTable;
  private final FixedBaseBatch batch = new FixedBaseBatch();

  /** An empty batch for encryptions and proofs under {@code key}. */
  public EncryptionBatch(ElectionPublicKey key) {
    this.key = key;
    this.kTable = Points.table(key.element());
  }

  /** Registers Enc(m; r) = (r·G, m·G + r·K) (§3.1) for m ≥ 0. */
  public PendingCiphertext encrypt(long m, SecretScalar r) {
    if (m < 0) {
      throw new IllegalArgumentException("plaintext must be non-negative");
    }
    BigInteger rk = r.revealSecret().toBigInteger();
    int alpha = batch.multiply(Curve.G_TABLE, rk);
    int beta = m == 0 ? batch.multiply(kTable, rk)
        : batch.multiplyAdd(kTable, rk, Curve.G_TABLE, BigInteger.valueOf(m));
    return new PendingCiphertext(alpha, beta);
  }

  /**
   * Registers the commitments of a range proof that Enc(m; r) under this batch's key encrypts a value in 0..bound
   * (see {@link RangeProof#begin}); finish it with its statement after {@link #run()}.
   */
  public RangeProof.Pending rangeProof(int bound, long m, SecretScalar r, NonceSource nonces) {
    return RangeProof.begin(bound, key, m, r, nonces, batch);
  }

  /** Registers the ElGamal encryption (r·G, M + r·K) of a point M (not exponential: a write-in name, §5.6). */
  public PendingCiphertext encryptPoint(org.evote.crypto.group.Element m, SecretScalar r) {
    BigInteger rk = r.revealSecret().toBigInteger();
    return new PendingCiphertext(batch.multiply(Curve.G_TABLE, rk), batch.multiply(kTable, rk), m);
  }

  /**
   * Registers a write-in proof of knowledge of r (§4.7) with the nonce u ("u", 0) of {@code nonces}; finish it
   * after {@link #run()}.
   */
  public WriteInProof.Pending writeInProof(SecretScalar r, NonceSource nonces) {
    return WriteInProof.begin(r, nonces.nonce("u", 0), batch);
  }

  /** Computes every registered multiplication (once). */
  public void run() {
    batch.run();
  }

  @Override
  public String toString() {
    return "EncryptionBatch[secret]";
  }

  /** A ciphertext registered in the batch, available once it has run. */
  public final class PendingCiphertext {
    private final int alpha;
    private final int beta;
    private final org.evote.crypto.group.Element shift;

    private PendingCiphertext(int alpha, int beta) {
      this(alpha, beta, null);
    }

    private PendingCiphertext(int alpha, int beta, org.evote.crypto.group.Element shift) {
      this.alpha = alpha;
      this.beta = beta;
      this.shift = shift;
    }

    /** The ciphertext (after {@link EncryptionBatch#run()}). */
    public Ciphertext get() {
      org.evote.crypto.group.Element b = Points.element(batch.result(beta));
      return new Ciphertext(Points.element(batch.result(alpha)), shift == null ? b : b.add(shift));
    }
  }
}
