package org.evote.witness;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import org.evote.crypto.board.BoardOrigin;
import org.evote.crypto.board.MerkleTree;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.note.AddCheckpointRequest;
import org.evote.crypto.note.Checkpoint;
import org.evote.crypto.note.Ed25519NoteSigner;
import org.evote.crypto.note.SignedNote;
import org.evote.crypto.note.VerifierKey;

/**
 * A log for the tests: a real board-style origin, a real Ed25519 note key (type 0x01) and a real Merkle tree, giving
 * signed checkpoints and add-checkpoint bodies with real consistency proofs. Two TestLogs made from one key with
 * different leaves are a split view.
 */
final class TestLog {
  final Ed25519NoteSigner key;
  final MerkleTree tree = new MerkleTree();
  private final String leafTag;

  private TestLog(Ed25519NoteSigner key, String leafTag) {
    this.key = key;
    this.leafTag = leafTag;
  }

  /** A new log of a board named {@code board}, whose election hash is random. */
  static TestLog create(String board, SecureRandom random) {
    byte[] h = new byte[32];
    random.nextBytes(h);
    String origin = new BoardOrigin(board, Digest.of(h)).origin();
    return new TestLog(Ed25519NoteSigner.generate(origin, random), "honest");
  }

  /** Another history under the same key (a split view), its leaves differing from the first on. */
  TestLog fork(String tag) {
    return new TestLog(key, tag);
  }

  String origin() {
    return key.name();
  }

  VerifierKey vkey() {
    return key.verifierKey();
  }

  /** Appends leaves up to {@code size}. */
  TestLog growTo(long size) {
    while (tree.size() < size) {
      tree.append(Digest.of(sha(leafTag + "/" + tree.size())));
    }
    return this;
  }

  Checkpoint checkpoint(long size) {
    return new Checkpoint(origin(), size, tree.root(size));
  }

  SignedNote signed(long size) {
    return key.signNote(checkpoint(size).text());
  }

  /** An add-checkpoint body from {@code old} to {@code size} with the tree's consistency proof. */
  byte[] request(long old, long size) {
    growTo(size);
    List<Digest> proof = old == 0 || old == size ? List.of() : tree.consistencyProof(old, size);
    return new AddCheckpointRequest(old, proof, signed(size)).body();
  }

  private static byte[] sha(String s) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static long bigEndian(byte[] b) {
    return ByteBuffer.wrap(b, 0, 8).getLong();
  }
}
