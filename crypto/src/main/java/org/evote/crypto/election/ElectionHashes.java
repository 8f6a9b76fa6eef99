package org.evote.crypto.election;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.evote.crypto.ceremony.GuardianRecord;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.P256;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.hash.DomainTags;
import org.evote.crypto.hash.Hasher;
import org.evote.crypto.manifest.Manifest;

/** The election hashes of protocol §2.4: H_P, H_M, H_B and H_E. */
public final class ElectionHashes {
  /** The protocol identifier hashed into H_P; a new protocol version changes it. */
  public static final String PROTOCOL = "evote/2";
  /** The group's name as hashed into H_P. */
  public static final String CURVE = "P-256";

  private ElectionHashes() {}

  /** H_P = H(PARAMETERS; PROTOCOL, CURVE, p, q, a, b, G). */
  public static Digest parameterHash() {
    return Hasher.tagged(DomainTags.PARAMETERS).string(PROTOCOL).string(CURVE).bytes(be32(P256.P))
        .bytes(be32(P256.Q)).bytes(be32(P256.a())).bytes(be32(P256.b())).element(Element.G).digest();
  }

  /** H_M = H(MANIFEST; H_P, UTF-8 bytes of the manifest's canonical JSON). */
  public static Digest manifestHash(Digest parameterHash, Manifest manifest) {
    return Hasher.tagged(DomainTags.MANIFEST).digest(parameterHash)
        .bytes(manifest.canonicalJson().getBytes(StandardCharsets.UTF_8)).digest();
  }

  /** H_B = H(ELECTION_BASE; H_P, H_M, n, k). */
  public static Digest baseHash(Digest parameterHash, Digest manifestHash, int guardians, int quorum) {
    return Hasher.tagged(DomainTags.ELECTION_BASE).digest(parameterHash).digest(manifestHash).integer(guardians)
        .integer(quorum).digest();
  }

  /** H_B for a manifest, n and k: what the key ceremony binds its proofs to. */
  public static Digest baseHash(Manifest manifest, int guardians, int quorum) {
    Digest hp = parameterHash();
    return baseHash(hp, manifestHash(hp, manifest), guardians, quorum);
  }

  /** H_E = H(EXTENDED; H_B, K, n, then for each guardian i in order: i, k, K_i,0 … K_i,k−1). */
  public static Digest extendedHash(Digest baseHash, Element jointKey, List<GuardianRecord> guardians) {
    Hasher h = Hasher.tagged(DomainTags.EXTENDED).digest(baseHash).element(jointKey).integer(guardians.size());
    for (GuardianRecord g : guardians) {
      h.integer(g.index()).elements(g.commitments());
    }
    return h.digest();
  }

  /** A non-negative integer below 2^256 as 32 bytes big-endian. */
  static byte[] be32(java.math.BigInteger v) {
    return org.evote.crypto.group.Hex.fixedLength(v, 32);
  }

}
