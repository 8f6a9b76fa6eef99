package org.evote.crypto.board;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.hash.Hasher;
import org.junit.jupiter.api.Test;

/** The RFC 9162 tree against a direct transcription of the RFC's recursive definition of MTH. */
class MerkleTreeTest {
  static List<Digest> leaves(int n) {
    List<Digest> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(Hasher.tagged("test").integer(i).digest());
    }
    return out;
  }

  static byte[] mth(List<Digest> d) {
    if (d.isEmpty()) {
      return sha(new byte[0]);
    }
    if (d.size() == 1) {
      return MerkleTree.leafHash(d.get(0).toBytes());
    }
    int k = Integer.highestOneBit(d.size() - 1);
    return MerkleTree.nodeHash(mth(d.subList(0, k)), mth(d.subList(k, d.size())));
  }

  static byte[] sha(byte[] b) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(b);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void rootsMatchTheRfcDefinitionForEverySize() {
    List<Digest> all = leaves(70);
    MerkleTree tree = MerkleTree.of(all);
    for (int n = 0; n <= 70; n++) {
      assertArrayEquals(mth(all.subList(0, n)), tree.root(n).toBytes(), "size " + n);
    }
  }

  @Test
  void theEmptyTreeIsTheHashOfNothing() {
    assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", new MerkleTree().root().toHex());
  }

  @Test
  void everyInclusionProofVerifiesAndTamperedOnesFail() {
    List<Digest> all = leaves(37);
    MerkleTree tree = MerkleTree.of(all);
    for (int size = 1; size <= 37; size++) {
      Digest root = tree.root(size);
      for (int i = 0; i < size; i++) {
        List<Digest> proof = tree.inclusionProof(i, size);
        assertTrue(MerkleTree.verifyInclusion(i, size, all.get(i), proof, root), i + "/" + size);
        if (size > 1) {
          assertFalse(MerkleTree.verifyInclusion(i, size, all.get((i + 1) % size), proof, root));
          assertFalse(MerkleTree.verifyInclusion((i + 1) % size, size, all.get(i), proof, root));
          List<Digest> bad = new ArrayList<>(proof);
          bad.set(0, all.get(0).equals(bad.get(0)) ? all.get(1) : all.get(0));
          assertFalse(MerkleTree.verifyInclusion(i, size, all.get(i), bad, root));
        }
      }
    }
  }

  @Test
  void proofObjectsRoundTripThroughJsonAndVerify() {
    List<Digest> all = leaves(21);
    MerkleTree tree = MerkleTree.of(all);
    InclusionProof inc = tree.proveInclusion(7, 21);
    InclusionProof back = org.evote.crypto.json.BoardJson.decodeInclusion(org.evote.crypto.json.Fields.of(
        org.evote.crypto.json.BoardJson.encode(inc)));
    assertEquals(inc, back);
    assertTrue(back.verifies(all.get(7), tree.root()));
    ConsistencyProof con = tree.proveConsistency(9, 21);
    ConsistencyProof cback = org.evote.crypto.json.BoardJson.decodeConsistency(org.evote.crypto.json.Fields.of(
        org.evote.crypto.json.BoardJson.encode(con)));
    assertEquals(con, cback);
    assertTrue(cback.verifies(tree.root(9), tree.root()));
    assertFalse(cback.verifies(tree.root(8), tree.root()));
  }

  @Test
  void everyConsistencyProofVerifiesAndForkedTreesFail() {
    List<Digest> all = leaves(33);
    MerkleTree tree = MerkleTree.of(all);
    List<Digest> forked = new ArrayList<>(all);
    forked.set(5, Hasher.tagged("test").string("fork").digest());
    MerkleTree fork = MerkleTree.of(forked);
    for (int second = 1; second <= 33; second++) {
      for (int first = 0; first <= second; first++) {
        List<Digest> proof = tree.consistencyProof(first, second);
        assertTrue(MerkleTree.verifyConsistency(first, second, tree.root(first), tree.root(second), proof),
            first + "→" + second);
        if (first > 5 && first < second) {
          assertFalse(MerkleTree.verifyConsistency(first, second, fork.root(first), tree.root(second), proof),
              "split view " + first + "→" + second);
        }
      }
    }
  }
}
