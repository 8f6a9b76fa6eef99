package org.evote.board.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.evote.crypto.board.ConsistencyProof;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.board.MerkleTree;
import org.evote.crypto.board.SignedHead;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.hash.DomainTags;
import org.evote.crypto.hash.Hasher;
import org.junit.jupiter.api.Test;

/** Protocol §9.7 checks 6–8 on heads of real Merkle trees signed by a real key: each outcome and each failure. */
class HeadCheckTest {
  static final SecureRandom RANDOM = new SecureRandom();
  static final Digest H_E = leaf("election");
  final Ed25519.PrivateKey key = Ed25519.PrivateKey.generate(RANDOM);
  final HeadCheck check = new HeadCheck(H_E, key.publicKey());

  static Digest leaf(String s) {
    return Hasher.tagged(DomainTags.JSON_OBJECT).string(s).digest();
  }

  /** A board history: its leaves (entry hashes) and tree. */
  static final class History {
    final List<Digest> leaves = new ArrayList<>();
    final MerkleTree tree = new MerkleTree();

    History grow(String prefix, int n) {
      for (int i = 0; i < n; i++) {
        Digest d = leaf(prefix + leaves.size());
        leaves.add(d);
        tree.append(d);
      }
      return this;
    }

    SignedHead head(long size, Ed25519.PrivateKey key) {
      return SignedHead.sign(H_E, size, leaves.get((int) size - 1), tree.root(size), 1_000 + size, key);
    }
  }

  static HeadCheck.Invalid invalid(HeadCheck.Result r, HeadCheck.Failure f) {
    HeadCheck.Invalid i = assertInstanceOf(HeadCheck.Invalid.class, r);
    assertEquals(f, i.failure(), i.reason());
    return i;
  }

  @Test
  void theFirstHead_isBelievedOnItsSignatureAlone() {
    SignedHead h = new History().grow("e", 3).head(3, key);
    HeadCheck.Consistent c = assertInstanceOf(HeadCheck.Consistent.class,
        check.check(Optional.empty(), h, HeadCheck.Shown.LATEST, Optional.empty()));
    assertTrue(c.advanced());
    assertSame(h, c.head());
  }

  @Test
  void aGrowingBoard_advancesTheKeptHead_withItsConsistencyProof() {
    History b = new History().grow("e", 21);
    for (long[] sizes : new long[][] {{1, 2}, {4, 8}, {5, 21}, {7, 8}, {16, 21}, {20, 21}}) {
      SignedHead kept = b.head(sizes[0], key);
      SignedHead shown = b.head(sizes[1], key);
      for (HeadCheck.Shown claim : HeadCheck.Shown.values()) {
        HeadCheck.Consistent c = assertInstanceOf(HeadCheck.Consistent.class, check.check(Optional.of(kept), shown,
            claim, Optional.of(b.tree.proveConsistency(sizes[0], sizes[1]))));
        assertTrue(c.advanced());
        assertSame(shown, c.head());
      }
    }
  }

  @Test
  void theSameHeadAgain_keepsTheKeptOne() {
    History b = new History().grow("e", 5);
    SignedHead kept = b.head(5, key);
    SignedHead resigned = SignedHead.sign(H_E, 5, b.leaves.get(4), b.tree.root(5), 9_999, key);
    HeadCheck.Consistent c = assertInstanceOf(HeadCheck.Consistent.class,
        check.check(Optional.of(kept), resigned, HeadCheck.Shown.LATEST, Optional.empty()));
    assertFalse(c.advanced());
    assertSame(kept, c.head());
  }

  @Test
  void anOlderHeadInAReceipt_isAcceptedOnlyAsAProvenPrefix_andNeverReplacesTheKeptOne() {
    History b = new History().grow("e", 9);
    SignedHead kept = b.head(9, key);
    SignedHead older = b.head(6, key);
    HeadCheck.Consistent c = assertInstanceOf(HeadCheck.Consistent.class, check.check(Optional.of(kept), older,
        HeadCheck.Shown.ANY, Optional.of(b.tree.proveConsistency(6, 9))));
    assertFalse(c.advanced());
    assertSame(kept, c.head());
    SignedHead otherHistory = new History().grow("x", 6).head(6, key);
    invalid(check.check(Optional.of(kept), otherHistory, HeadCheck.Shown.ANY,
        Optional.of(b.tree.proveConsistency(6, 9))), HeadCheck.Failure.CONSISTENCY_PROOF);
  }

  @Test
  void aSmallerLatestHead_isARollback() {
    History b = new History().grow("e", 9);
    invalid(check.check(Optional.of(b.head(9, key)), b.head(6, key), HeadCheck.Shown.LATEST,
        Optional.of(b.tree.proveConsistency(6, 9))), HeadCheck.Failure.ROLLED_BACK);
  }

  @Test
  void aHeadOfTheKeptSizeWithAnotherRoot_isAFork() {
    SignedHead kept = new History().grow("e", 7).head(7, key);
    SignedHead other = new History().grow("e", 6).grow("x", 1).head(7, key);
    for (HeadCheck.Shown claim : HeadCheck.Shown.values()) {
      invalid(check.check(Optional.of(kept), other, claim, Optional.empty()), HeadCheck.Failure.FORKED);
    }
  }

  @Test
  void aLargerHeadOfAnotherHistory_failsItsConsistencyProof() {
    History ours = new History().grow("e", 6);
    History fork = new History().grow("e", 4).grow("x", 8);
    SignedHead kept = ours.head(6, key);
    SignedHead forked = fork.head(12, key);
    invalid(check.check(Optional.of(kept), forked, HeadCheck.Shown.LATEST,
        Optional.of(fork.tree.proveConsistency(6, 12))), HeadCheck.Failure.CONSISTENCY_PROOF);
    invalid(check.check(Optional.of(kept), forked, HeadCheck.Shown.LATEST, Optional.empty()),
        HeadCheck.Failure.NO_CONSISTENCY_PROOF);
    invalid(check.check(Optional.of(kept), forked, HeadCheck.Shown.LATEST,
        Optional.of(fork.tree.proveConsistency(5, 12))), HeadCheck.Failure.NO_CONSISTENCY_PROOF);
    invalid(check.check(Optional.of(kept), forked, HeadCheck.Shown.LATEST,
        Optional.of(new ConsistencyProof(6, 12, List.of()))), HeadCheck.Failure.CONSISTENCY_PROOF);
  }

  @Test
  void aHeadSignedByAnotherKey_isNotBelieved_evenAsTheFirst() {
    History b = new History().grow("e", 4);
    SignedHead foreign = b.head(4, Ed25519.PrivateKey.generate(RANDOM));
    invalid(check.check(Optional.empty(), foreign, HeadCheck.Shown.LATEST, Optional.empty()),
        HeadCheck.Failure.HEAD_SIGNATURE);
    invalid(check.check(Optional.of(b.head(2, key)), foreign, HeadCheck.Shown.LATEST,
        Optional.of(b.tree.proveConsistency(2, 4))), HeadCheck.Failure.HEAD_SIGNATURE);
  }
}
