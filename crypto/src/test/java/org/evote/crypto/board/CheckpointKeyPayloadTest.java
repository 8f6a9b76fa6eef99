package org.evote.crypto.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.JsonObject;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.ballot.ConfirmationCodes;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.json.BoardJson;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.note.Cosigner;
import org.evote.crypto.note.Ed25519NoteSigner;
import org.evote.crypto.note.SignatureType;
import org.evote.crypto.testing.DeterministicRandom;
import org.junit.jupiter.api.Test;

/** Entry 0's {@code checkpoint_key} (protocol §9.1, §9.8): an Ed25519 note key named for this election's board. */
class CheckpointKeyPayloadTest {
  private static final Digest HE = ConfirmationCodes.chainStart(Digest.ZERO, "checkpoint key test");
  private final DeterministicRandom random = new DeterministicRandom("checkpoint key payload test");
  private final Ed25519.PrivateKey boardKey = Ed25519.PrivateKey.generate(random);
  private final Ed25519NoteSigner key = Ed25519NoteSigner.generate(new BoardOrigin("board.test", HE).origin(),
      random);

  private JsonObject payload(String checkpointKey) {
    return JsonText.object().add("election", JsonText.object().add("extended_hash", HE.toHex()))
        .add("board_public_key", boardKey.publicKey().hex()).add("checkpoint_key", checkpointKey).build();
  }

  private InvalidFieldException refused(String checkpointKey) {
    return assertThrows(InvalidFieldException.class,
        () -> BoardJson.decodePayload(EntryKind.ELECTION_PUBLISHED, payload(checkpointKey)));
  }

  @Test
  void theKeyRoundTrips() {
    EntryPayload.ElectionPublished p = (EntryPayload.ElectionPublished) BoardJson.decodePayload(
        EntryKind.ELECTION_PUBLISHED, payload(key.verifierKey().encoded()));
    assertEquals(key.verifierKey(), p.checkpointKey());
    assertEquals(key.verifierKey().encoded(), BoardJson.encodePayload(p).getString("checkpoint_key"));
  }

  @Test
  void aKeyOfAnotherElectionIsRefused() {
    Ed25519NoteSigner other = Ed25519NoteSigner.generate(new BoardOrigin("board.test", Digest.ZERO).origin(), random);
    InvalidFieldException e = refused(other.verifierKey().encoded());
    assertEquals("payload.checkpoint_key", e.field());
  }

  @Test
  void aKeyNotNamedLikeABoardOriginIsRefused() {
    assertEquals("payload.checkpoint_key",
        refused(Ed25519NoteSigner.generate("board.test", random).verifierKey().encoded()).field());
  }

  @Test
  void aCosignatureKeyIsRefused() {
    Cosigner w = Cosigner.generate(new BoardOrigin("board.test", HE).origin(), SignatureType.COSIGNATURE_ED25519,
        random);
    assertEquals("payload.checkpoint_key", refused(w.verifierKey().encoded()).field());
  }

  @Test
  void aMissingOrMalformedKeyIsRefused() {
    assertEquals("payload.checkpoint_key", refused("not a key").field());
    JsonObject without = JsonText.object().add("election", JsonText.object().add("extended_hash", HE.toHex()))
        .add("board_public_key", boardKey.publicKey().hex()).build();
    assertThrows(InvalidFieldException.class,
        () -> BoardJson.decodePayload(EntryKind.ELECTION_PUBLISHED, without));
  }
}
