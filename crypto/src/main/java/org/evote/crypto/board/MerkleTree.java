package org.evote.crypto.board;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.evote.crypto.hash.Digest;

/**
 * The RFC 9162 §2.1 Merkle tree over board entries (protocol §9.3): the leaf for entry i is its entry hash;
 * leaf hash SHA-256(0x00 ‖ d), node hash SHA-256(0x01 ‖ left ‖ right), the empty tree SHA-256(""). Keeps every
 * complete subtree so roots and proofs for any size cost O(log n) hashes. Append-only; not thread-safe.
 */
public final class MerkleTree {
  /** levels.get(h).get(i) is the hash of the perfect subtree of 2^h leaves starting at leaf i·2^h. */
  private final List<List<byte[]>> levels = new ArrayList<>();

  public MerkleTree() {
    levels.add(new ArrayList<>());
  }

  /** A tree over the given leaves. */
  public static MerkleTree of(List<Digest> leaves) {
    MerkleTree t = new MerkleTree();
    for (Digest d : leaves) {
      t.append(d);
    }
    return t;
  }

  public long size() {
    return levels.get(0).size();
  }

  /** Appends one leaf (an entry hash). */
  public void append(Digest leaf) {
    byte[] h = leafHash(leaf.toBytes());
    levels.get(0).add(h);
    int level = 0;
    while (levels.get(level).size() % 2 == 0) {
      List<byte[]> current = levels.get(level);
      byte[] parent = nodeHash(current.get(current.size() - 2), current.get(current.size() - 1));
      if (levels.size() == level + 1) {
        levels.add(new ArrayList<>());
      }
      levels.get(level + 1).add(parent);
      level++;
    }
  }

  /** MTH(D[0:size]) for any size up to the current size. */
  public Digest root(long size) {
    checkSize(size);
    if (size == 0) {
      return Digest.of(sha256(new byte[0]));
    }
    return Digest.of(mth(0, size));
  }

  /** The root of the whole tree. */
  public Digest root() {
    return root(size());
  }

  /** The inclusion proof of entry {@code index} in the tree of the first {@code size} entries. */
  public InclusionProof proveInclusion(long index, long size) {
    return new InclusionProof(index, size, inclusionProof(index, size));
  }

  /** The consistency proof from the first {@code first} entries to the first {@code second}. */
  public ConsistencyProof proveConsistency(long first, long second) {
    return new ConsistencyProof(first, second, consistencyProof(first, second));
  }

  /** PATH(index, D[0:size]) of RFC 9162 §2.1.3.1, leaf to root. */
  public List<Digest> inclusionProof(long index, long size) {
    checkSize(size);
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException("leaf index " + index + " is not below tree size " + size);
    }
    List<Digest> out = new ArrayList<>();
    path(index, 0, size, out);
    return out;
  }

  /** PROOF(first, D[0:second]) of RFC 9162 §2.1.4.1. */
  public List<Digest> consistencyProof(long first, long second) {
    checkSize(second);
    if (first < 0 || first > second) {
      throw new IllegalArgumentException("need 0 ≤ first ≤ second");
    }
    List<Digest> out = new ArrayList<>();
    if (first == 0 || first == second) {
      return out;
    }
    subproof(first, 0, second, true, out);
    return out;
  }

  private void path(long m, long from, long to, List<Digest> out) {
    long n = to - from;
    if (n <= 1) {
      return;
    }
    long k = largestPowerOfTwoBelow(n);
    if (m < k) {
      path(m, from, from + k, out);
      out.add(Digest.of(mth(from + k, to)));
    } else {
      path(m - k, from + k, to, out);
      out.add(Digest.of(mth(from, from + k)));
    }
  }

  private void subproof(long m, long from, long to, boolean b, List<Digest> out) {
    long n = to - from;
    if (m == n) {
      if (!b) {
        out.add(Digest.of(mth(from, to)));
      }
      return;
    }
    long k = largestPowerOfTwoBelow(n);
    if (m <= k) {
      subproof(m, from, from + k, b, out);
      out.add(Digest.of(mth(from + k, to)));
    } else {
      subproof(m - k, from + k, to, false, out);
      out.add(Digest.of(mth(from, from + k)));
    }
  }

  /** MTH(D[from:to]) for 0 < to − from; left parts of the RFC recursion are always stored perfect subtrees. */
  private byte[] mth(long from, long to) {
    long n = to - from;
    if (Long.bitCount(n) == 1) {
      int h = Long.numberOfTrailingZeros(n);
      if (from % n == 0 && h < levels.size() && from / n < levels.get(h).size()) {
        return levels.get(h).get((int) (from / n));
      }
    }
    long k = largestPowerOfTwoBelow(n);
    return nodeHash(mth(from, from + k), mth(from + k, to));
  }

  private void checkSize(long size) {
    if (size < 0 || size > size()) {
      throw new IllegalArgumentException("tree size " + size + " is beyond the " + size() + " leaves");
    }
  }

  static long largestPowerOfTwoBelow(long n) {
    return Long.highestOneBit(n - 1);
  }

  /**
   * Verifies an inclusion proof (RFC 9162 §2.1.3.2): the entry with hash {@code leaf} is at {@code index} in the
   * tree of {@code size} leaves with root {@code root}.
   */
  public static boolean verifyInclusion(long index, long size, Digest leaf, List<Digest> proof, Digest root) {
    if (index < 0 || index >= size) {
      return false;
    }
    long fn = index;
    long sn = size - 1;
    byte[] r = leafHash(leaf.toBytes());
    for (Digest p : proof) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = nodeHash(p.toBytes(), r);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>= 1;
            sn >>= 1;
          }
        }
      } else {
        r = nodeHash(r, p.toBytes());
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && Arrays.equals(r, root.toBytes());
  }

  /**
   * Verifies a consistency proof (RFC 9162 §2.1.4.2): the tree of {@code first} leaves with root {@code firstRoot}
   * is a prefix of the tree of {@code second} leaves with root {@code secondRoot}.
   */
  public static boolean verifyConsistency(long first, long second, Digest firstRoot, Digest secondRoot,
      List<Digest> proof) {
    if (first < 0 || first > second) {
      return false;
    }
    if (first == second) {
      return proof.isEmpty() && firstRoot.equals(secondRoot);
    }
    if (first == 0) {
      return proof.isEmpty();
    }
    if (proof.isEmpty()) {
      return false;
    }
    List<byte[]> path = new ArrayList<>();
    if (Long.bitCount(first) == 1) {
      path.add(firstRoot.toBytes());
    }
    for (Digest d : proof) {
      path.add(d.toBytes());
    }
    long fn = first - 1;
    long sn = second - 1;
    while ((fn & 1) == 1) {
      fn >>= 1;
      sn >>= 1;
    }
    byte[] fr = path.get(0);
    byte[] sr = path.get(0);
    for (int i = 1; i < path.size(); i++) {
      byte[] c = path.get(i);
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = nodeHash(c, fr);
        sr = nodeHash(c, sr);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>= 1;
            sn >>= 1;
          }
        }
      } else {
        sr = nodeHash(sr, c);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return Arrays.equals(fr, firstRoot.toBytes()) && Arrays.equals(sr, secondRoot.toBytes()) && sn == 0;
  }

  static byte[] leafHash(byte[] data) {
    MessageDigest md = sha();
    md.update((byte) 0x00);
    md.update(data);
    return md.digest();
  }

  static byte[] nodeHash(byte[] left, byte[] right) {
    MessageDigest md = sha();
    md.update((byte) 0x01);
    md.update(left);
    md.update(right);
    return md.digest();
  }

  private static byte[] sha256(byte[] data) {
    return sha().digest(data);
  }

  private static MessageDigest sha() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
