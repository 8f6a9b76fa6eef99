package org.evote.board.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.evote.crypto.board.BoardOrigin;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.board.EntryKind;
import org.evote.crypto.board.InclusionProof;
import org.evote.crypto.board.MerkleTree;
import org.evote.crypto.board.SignedHead;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.hash.DomainTags;
import org.evote.crypto.hash.Hasher;
import org.evote.crypto.json.BoardJson;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.note.Checkpoint;
import org.evote.crypto.note.Cosigner;
import org.evote.crypto.note.Ed25519NoteSigner;
import org.evote.crypto.note.NoteSignature;
import org.evote.crypto.note.SignatureType;
import org.evote.crypto.note.SignedNote;
import org.evote.crypto.note.WitnessPolicy;
import org.junit.jupiter.api.Test;

/**
 * The kiosk's witnessed-history rule (protocol §9.7, audit with a notice) with real keys — the board's head key, its
 * checkpoint key, two witnesses' cosigning keys — and real Merkle trees: a quorum-cosigned checkpoint consistent with
 * the kept head (smaller, equal or larger) passes; one of another history fails; below the quorum gives no verdict;
 * and a ballot is covered only by a quorum-cosigned checkpoint whose inclusion proof reaches its root.
 */
class WitnessedHistoryTest {
  static final SecureRandom RANDOM = new SecureRandom();
  static final Digest H_E = leaf("election");
  final Ed25519.PrivateKey boardKey = Ed25519.PrivateKey.generate(RANDOM);
  final Ed25519NoteSigner checkpointKey = Ed25519NoteSigner.generate(new BoardOrigin("board.test", H_E).origin(),
      RANDOM);
  final Cosigner w1 = Cosigner.generate("witness-1", SignatureType.COSIGNATURE_ED25519, RANDOM);
  final Cosigner w2 = Cosigner.generate("witness-2", SignatureType.COSIGNATURE_ED25519, RANDOM);
  final WitnessedHistory check = new WitnessedHistory(new WitnessPolicy(checkpointKey.verifierKey(),
      List.of(w1.verifierKey(), w2.verifierKey()), 2));

  static Digest leaf(String s) {
    return Hasher.tagged(DomainTags.JSON_OBJECT).string(s).digest();
  }

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
  }

  SignedHead head(History h, long size) {
    return SignedHead.sign(H_E, size, h.leaves.get((int) size - 1), h.tree.root(size), 1_000 + size, boardKey);
  }

  SignedNote cosigned(History h, long size, Cosigner... witnesses) {
    Checkpoint cp = new BoardOrigin("board.test", H_E).checkpoint(size, h.tree.root(size));
    List<NoteSignature> cosignatures = new ArrayList<>();
    for (Cosigner w : witnesses) {
      cosignatures.add(w.cosign(cp, 1_700_000_000L));
    }
    return checkpointKey.signNote(cp.text()).withSignatures(cosignatures);
  }

  static WitnessedHistory.Result.Invalid invalid(WitnessedHistory.Result r, WitnessedHistory.Failure f) {
    WitnessedHistory.Result.Invalid i = assertInstanceOf(WitnessedHistory.Result.Invalid.class, r);
    assertEquals(f, i.failure(), i.reason());
    return i;
  }

  @Test
  void aCosignedCheckpointOfTheKeptHistory_isConsistent_atAnySize() {
    History b = new History().grow("e", 13);
    SignedHead kept = head(b, 9);
    assertInstanceOf(WitnessedHistory.Result.Consistent.class,
        check.check(kept, cosigned(b, 9, w1, w2), Optional.empty()), "same size, same root");
    assertInstanceOf(WitnessedHistory.Result.Consistent.class,
        check.check(kept, cosigned(b, 5, w1, w2), Optional.of(b.tree.proveConsistency(5, 9))), "witnesses behind");
    assertInstanceOf(WitnessedHistory.Result.Consistent.class,
        check.check(kept, cosigned(b, 13, w1, w2), Optional.of(b.tree.proveConsistency(9, 13))), "kiosk behind");
  }

  @Test
  void aCosignedCheckpointOfAnotherHistory_isHistoryDiffers() {
    History a = new History().grow("e", 9);
    History other = new History().grow("e", 5).grow("forked", 8);
    SignedHead kept = head(a, 9);
    SignedNote differing = cosigned(other, 9, w1, w2);
    assertEquals(Optional.of(differing), invalid(check.check(kept, differing, Optional.empty()),
        WitnessedHistory.Failure.HISTORY_DIFFERS).checkpoint(), "the failing checkpoint is kept as evidence");
    invalid(check.check(kept, cosigned(other, 13, w1, w2), Optional.of(other.tree.proveConsistency(9, 13))),
        WitnessedHistory.Failure.HISTORY_DIFFERS);
    invalid(check.check(kept, cosigned(other, 7, w1, w2), Optional.of(other.tree.proveConsistency(7, 9))),
        WitnessedHistory.Failure.HISTORY_DIFFERS);
    invalid(check.check(kept, cosigned(other, 7, w1, w2), Optional.empty()), WitnessedHistory.Failure.HISTORY_DIFFERS);
    invalid(check.check(kept, cosigned(a, 5, w1, w2), Optional.of(a.tree.proveConsistency(4, 9))),
        WitnessedHistory.Failure.HISTORY_DIFFERS);
  }

  @Test
  void belowTheQuorum_noVerdict_andACheckpointNotTheBoards_isRefused() {
    History a = new History().grow("e", 9);
    History other = new History().grow("x", 9);
    assertInstanceOf(WitnessedHistory.Result.NotWitnessed.class,
        check.check(head(a, 9), cosigned(other, 9, w1), Optional.empty()));
    Ed25519NoteSigner impostor = Ed25519NoteSigner.generate(checkpointKey.name(), RANDOM);
    Checkpoint cp = new BoardOrigin("board.test", H_E).checkpoint(9, other.tree.root(9));
    SignedNote forged = impostor.signNote(cp.text()).withSignatures(List.of(w1.cosign(cp, 1), w2.cosign(cp, 1)));
    invalid(check.check(head(a, 9), forged, Optional.empty()), WitnessedHistory.Failure.NOT_SIGNED_BY_BOARD);
  }

  BoardReceipt receipt(History h, long seq, Optional<SignedNote> cosigned, InclusionProof proof) {
    var json = JsonText.object();
    cosigned.ifPresent(n -> json.add("cosigned_checkpoint", n.format())
        .add("cosigned_inclusion_proof", BoardJson.encode(proof)));
    long size = h.leaves.size();
    return new BoardReceipt("K1-000001", EntryKind.BALLOT_CAST, "00".repeat(32), "AAAA-AAAA-AAAA-AAAA", seq,
        h.leaves.get((int) seq), seq == 0 ? leaf("none") : h.leaves.get((int) seq - 1), 1, head(h, size),
        h.tree.proveInclusion(seq, size), json.build());
  }

  @Test
  void aBallotIsCovered_onlyByAQuorumCosignedCheckpointWhoseProofReachesItsRoot() {
    History b = new History().grow("e", 12);
    InclusionProof proof = b.tree.proveInclusion(4, 10);
    assertInstanceOf(WitnessedHistory.Coverage.Covered.class,
        check.covers(receipt(b, 4, Optional.of(cosigned(b, 10, w1, w2)), proof)));
    assertInstanceOf(WitnessedHistory.Coverage.NotCovered.class,
        check.covers(receipt(b, 4, Optional.empty(), proof)), "not yet cosigned");
    assertInstanceOf(WitnessedHistory.Coverage.NotCovered.class,
        check.covers(receipt(b, 4, Optional.of(cosigned(b, 10, w2)), proof)), "below the quorum");
    assertInstanceOf(WitnessedHistory.Coverage.NotCovered.class,
        check.covers(receipt(b, 4, Optional.of(cosigned(b, 11, w1, w2)), proof)), "a proof to another size");
    History other = new History().grow("x", 12);
    WitnessedHistory.Coverage.NotCovered n = assertInstanceOf(WitnessedHistory.Coverage.NotCovered.class,
        check.covers(receipt(b, 4, Optional.of(cosigned(other, 10, w1, w2)), proof)), "another tree");
    assertTrue(n.reason().contains("root"), n.reason());
  }
}
