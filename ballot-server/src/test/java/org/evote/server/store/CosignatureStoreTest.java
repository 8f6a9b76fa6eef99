package org.evote.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.note.Checkpoint;
import org.evote.crypto.note.Cosigner;
import org.evote.crypto.note.NoteSignature;
import org.evote.crypto.note.SignatureType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The board's store of its witnesses' cosignatures (protocol §9.8). */
class CosignatureStoreTest {
  private static final SecureRandom RANDOM = new SecureRandom();

  @TempDir
  Path temp;

  @Test
  void theCosignaturesOfACheckpoint_areThoseOfItsSizeAndRoot_notOfAnotherCheckpointOfThatSize() throws Exception {
    Path file = temp.resolve("cosignatures.sqlite");
    CosignatureStore.create(file);
    Cosigner w = Cosigner.generate("witness.test/w1", SignatureType.COSIGNATURE_ED25519, RANDOM);
    String id = w.verifierKey().encoded();
    byte[] a = new byte[32];
    byte[] b = new byte[32];
    Arrays.fill(a, (byte) 1);
    Arrays.fill(b, (byte) 2);
    Digest rootA = Digest.of(a);
    Digest rootB = Digest.of(b);
    NoteSignature line = w.cosign(new Checkpoint("board.test/x", 5, rootA), 1_700_000_000L);
    try (CosignatureStore store = CosignatureStore.open(file)) {
      store.put(id, 5, rootA, line);
      assertEquals(List.of(line), store.of(5, rootA, List.of(id)));
      assertTrue(store.of(5, rootB, List.of(id)).isEmpty(), "never served with another root of the same size");
      assertTrue(store.of(6, rootA, List.of(id)).isEmpty());
    }
  }

  @Test
  void aMissingStore_isNotRecreated() {
    Path file = temp.resolve("cosignatures.sqlite");
    assertThrows(NoSuchFileException.class, () -> CosignatureStore.open(file));
    assertTrue(java.nio.file.Files.notExists(file));
  }
}
