package org.evote.crypto.election;

import java.util.ArrayList;
import java.util.List;
import org.evote.crypto.ceremony.GuardianRecord;
import org.evote.crypto.elgamal.ElectionPublicKey;
import org.evote.crypto.group.Element;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.manifest.Manifest;

/**
 * The election configuration (protocol §10.3, {@code election.json}): manifest, n guardians with quorum k, their
 * public records, and everything derived from them — the joint key K = Σ K_i,0, every guardian's verification key
 * V_ℓ and the hashes H_P, H_M, H_B, H_E. Derived values are computed here, never read from input, so a config in
 * hand is self-consistent; the verifier compares the published values against these.
 */
public final class ElectionConfig {
  private final Manifest manifest;
  private final int guardianCount;
  private final int quorum;
  private final List<GuardianRecord> guardians;
  private final Digest parameterHash;
  private final Digest manifestHash;
  private final Digest baseHash;
  private final Digest extendedHash;
  private final ElectionPublicKey jointKey;
  private final List<Element> verificationKeys;

  public ElectionConfig(Manifest manifest, int guardianCount, int quorum, List<GuardianRecord> guardians) {
    if (guardianCount < 1 || quorum < 1 || quorum > guardianCount) {
      throw new IllegalArgumentException("need 1 ≤ quorum ≤ guardians, got n = " + guardianCount + ", k = "
          + quorum);
    }
    this.guardians = List.copyOf(guardians);
    if (this.guardians.size() != guardianCount) {
      throw new IllegalArgumentException("expected " + guardianCount + " guardian records, got "
          + this.guardians.size());
    }
    for (int i = 0; i < guardianCount; i++) {
      GuardianRecord g = this.guardians.get(i);
      if (g.index() != i + 1) {
        throw new IllegalArgumentException("guardian records must be numbered 1.." + guardianCount + " in order");
      }
      if (g.commitments().size() != quorum) {
        throw new IllegalArgumentException("guardian " + g.index() + " has " + g.commitments().size()
            + " commitments, expected k = " + quorum);
      }
    }
    this.manifest = manifest;
    this.guardianCount = guardianCount;
    this.quorum = quorum;
    this.parameterHash = ElectionHashes.parameterHash();
    this.manifestHash = ElectionHashes.manifestHash(parameterHash, manifest);
    this.baseHash = ElectionHashes.baseHash(parameterHash, manifestHash, guardianCount, quorum);
    Element k = Element.IDENTITY;
    for (GuardianRecord g : this.guardians) {
      k = k.add(g.publicKey());
    }
    this.jointKey = new ElectionPublicKey(k);
    this.extendedHash = ElectionHashes.extendedHash(baseHash, k, this.guardians);
    List<Element> vks = new ArrayList<>();
    for (int l = 1; l <= guardianCount; l++) {
      Element v = Element.IDENTITY;
      for (GuardianRecord g : this.guardians) {
        v = v.add(g.shareImage(l));
      }
      vks.add(v);
    }
    this.verificationKeys = List.copyOf(vks);
  }

  public Manifest manifest() {
    return manifest;
  }

  /** n. */
  public int guardianCount() {
    return guardianCount;
  }

  /** k. */
  public int quorum() {
    return quorum;
  }

  public List<GuardianRecord> guardians() {
    return guardians;
  }

  /** H_P. */
  public Digest parameterHash() {
    return parameterHash;
  }

  /** H_M. */
  public Digest manifestHash() {
    return manifestHash;
  }

  /** H_B. */
  public Digest baseHash() {
    return baseHash;
  }

  /** H_E, the hash every ballot, proof and board entry of this election is bound to. */
  public Digest extendedHash() {
    return extendedHash;
  }

  /** K with its fixed-base table. */
  public ElectionPublicKey jointKey() {
    return jointKey;
  }

  /** V_ℓ = Σ_i Σ_j ℓ^j·K_i,j, guardian ℓ's public verification key (§7.4). */
  public Element verificationKey(int guardian) {
    return verificationKeys.get(guardian - 1);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ElectionConfig c && c.extendedHash.equals(extendedHash);
  }

  @Override
  public int hashCode() {
    return extendedHash.hashCode();
  }

  @Override
  public String toString() {
    return "ElectionConfig[" + manifest.electionScopeId() + ", n=" + guardianCount + ", k=" + quorum + ", H_E="
        + extendedHash.toHex() + "]";
  }
}
