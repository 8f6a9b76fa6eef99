package org.evote.crypto.ceremony;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.evote.crypto.group.SecretScalar;
import org.evote.crypto.hash.Digest;

/**
 * One guardian's side of the key ceremony (protocol §7): generate the polynomial and public record, send every
 * other guardian its encrypted share, check each share received (complaining about bad ones), and finally combine
 * the shares into the guardian's {@link GuardianKey}. Works the same whether the guardians share a machine or
 * exchange files between offline laptops.
 */
public final class GuardianCeremony {
  private final Digest baseHash;
  private final int guardians;
  private final GuardianPolynomial polynomial;
  private final GuardianRecord record;
  private final TreeMap<Integer, SecretScalar> received = new TreeMap<>();

  private GuardianCeremony(Digest baseHash, int guardians, GuardianPolynomial polynomial, GuardianRecord record) {
    this.baseHash = baseHash;
    this.guardians = guardians;
    this.polynomial = polynomial;
    this.record = record;
  }

  /** Starts guardian {@code index} of n with quorum k: a fresh polynomial and its public record. */
  public static GuardianCeremony start(Digest baseHash, int index, int guardians, int quorum,
      SecureRandom random) {
    checkSizes(guardians, quorum);
    if (index < 1 || index > guardians) {
      throw new IllegalArgumentException("guardian index must be in 1.." + guardians);
    }
    GuardianPolynomial p = GuardianPolynomial.generate(index, quorum, random);
    return new GuardianCeremony(baseHash, guardians, p, p.publicRecord(baseHash, random));
  }

  /** Resumes a guardian from its saved polynomial (the distributed ceremony keeps it in the guardian's file). */
  public static GuardianCeremony resume(Digest baseHash, int guardians, GuardianPolynomial polynomial,
      GuardianRecord record) {
    if (record.index() != polynomial.index()) {
      throw new IllegalArgumentException("record and polynomial belong to different guardians");
    }
    return new GuardianCeremony(baseHash, guardians, polynomial, record);
  }

  /** Checks 1 ≤ k ≤ n. */
  public static void checkSizes(int guardians, int quorum) {
    if (guardians < 1 || quorum < 1 || quorum > guardians) {
      throw new IllegalArgumentException("need 1 ≤ quorum ≤ guardians, got n = " + guardians + ", k = " + quorum);
    }
  }

  public int index() {
    return polynomial.index();
  }

  public GuardianRecord record() {
    return record;
  }

  /** This guardian's secret polynomial, for its encrypted key file. */
  public GuardianPolynomial polynomial() {
    return polynomial;
  }

  /** Encrypted shares for every other guardian, given all public records. */
  public List<EncryptedShare> sharesFor(List<GuardianRecord> records, SecureRandom random) {
    List<EncryptedShare> out = new ArrayList<>();
    for (GuardianRecord other : records) {
      if (other.index() != index()) {
        out.add(ShareEncryption.encrypt(baseHash, polynomial, record, other, random));
      }
    }
    return out;
  }

  /**
   * Receives one encrypted share. Returns a complaint to publish if it is bad, otherwise keeps it. The sender's
   * record must already have passed its Schnorr proofs.
   */
  public Optional<ShareComplaint> receive(EncryptedShare share, GuardianRecord senderRecord) {
    try {
      SecretScalar value = ShareEncryption.decrypt(baseHash, share, senderRecord, polynomial, record);
      received.put(share.sender(), value);
      return Optional.empty();
    } catch (ShareEncryption.BadShareException e) {
      return Optional.of(new ShareComplaint(index(), share.sender(), e.getMessage()));
    }
  }

  /** Answers a complaint against this guardian by revealing the share in the clear. */
  public ShareReveal reveal(int recipient) {
    // The complaint procedure publishes this share (§7.3).
    return new ShareReveal(index(), recipient, polynomial.shareFor(recipient).revealSecret());
  }

  /** Accepts a publicly revealed share after a complaint; false (and nothing kept) if it fails the check. */
  public boolean acceptReveal(ShareReveal reveal, GuardianRecord senderRecord) {
    if (reveal.recipient() != index() || !reveal.matches(senderRecord)) {
      return false;
    }
    received.put(reveal.sender(), SecretScalar.of(reveal.share()));
    return true;
  }

  /** Guardians whose share this guardian still lacks. */
  public List<Integer> missingShares() {
    List<Integer> missing = new ArrayList<>();
    for (int i = 1; i <= guardians; i++) {
      if (i != index() && !received.containsKey(i)) {
        missing.add(i);
      }
    }
    return missing;
  }

  /** s_ℓ = P_ℓ(ℓ) + Σ_{i≠ℓ} P_i(ℓ); requires a good share from every other guardian. */
  public GuardianKey finish() {
    List<Integer> missing = missingShares();
    if (!missing.isEmpty()) {
      throw new IllegalStateException("guardian " + index() + " lacks valid shares from guardians " + missing);
    }
    SecretScalar s = polynomial.shareFor(index());
    for (SecretScalar v : received.values()) {
      s = s.add(v);
    }
    return new GuardianKey(index(), s);
  }

  @Override
  public String toString() {
    return "GuardianCeremony[guardian " + index() + "]";
  }
}
