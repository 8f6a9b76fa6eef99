package org.evote.crypto.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.function.UnaryOperator;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.board.BoardOrigin;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.json.CanonicalJson;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.note.Cosigner;
import org.evote.crypto.note.Ed25519NoteSigner;
import org.evote.crypto.note.SignatureType;
import org.evote.crypto.testing.DeterministicRandom;
import org.junit.jupiter.api.Test;

/** The election notice's JSON: an exact round trip, and every malformed member refused by name. */
class NoticeJsonTest {
  private final DeterministicRandom random = new DeterministicRandom("notice json");
  private final Digest he = Digest.decode("7f".repeat(32), "he");
  private final Ed25519NoteSigner checkpointKey = Ed25519NoteSigner.generate(new BoardOrigin("board.test", he)
      .origin(), random);
  private final Cosigner w1 = Cosigner.generate("w1.test", SignatureType.COSIGNATURE_ED25519, random);
  private final Cosigner w2 = Cosigner.generate("w2.test", SignatureType.COSIGNATURE_ML_DSA_44, random);

  private ElectionNotice notice() {
    return new ElectionNotice(he, Ed25519.PrivateKey.generate(random).publicKey(), checkpointKey.verifierKey(),
        List.of(new ElectionNotice.Witness(URI.create("https://w1.test"), w1.verifierKey()),
            new ElectionNotice.Witness(URI.create("http://w2.test:8081/witness"), w2.verifierKey())), 2,
        List.of(new ElectionNotice.Kiosk("kiosk-1", Ed25519.PrivateKey.generate(random).publicKey())));
  }

  @Test
  void roundTripsExactly() {
    ElectionNotice n = notice();
    JsonObject json = NoticeJson.encode(n);
    assertEquals(n, NoticeJson.decode(json));
    assertEquals(n, NoticeJson.decode(JsonText.parseObject(JsonText.pretty(json))));
    assertEquals(NoticeJson.hash(n), NoticeJson.hash(NoticeJson.decode(JsonText.parseObject(CanonicalJson.write(
        json)))));
  }

  private void refused(String field, UnaryOperator<JsonObject> edit) {
    InvalidFieldException e = assertThrows(InvalidFieldException.class,
        () -> NoticeJson.decode(edit.apply(NoticeJson.encode(notice()))));
    assertEquals(field, e.field(), e.getMessage());
  }

  @Test
  void everyMalformedMemberIsRefusedByName() {
    refused("extra", o -> JsonText.object(o).add("extra", 1).build());
    refused("extended_hash", o -> JsonText.object(o).add("extended_hash", "zz").build());
    refused("board_public_key", o -> JsonText.object(o).add("board_public_key", "00".repeat(32)).build());
    refused("checkpoint_key", o -> JsonText.object(o).add("checkpoint_key", "x+00000000+AQ==").build());
    // a checkpoint key of another election
    refused("checkpoint_key", o -> JsonText.object(o).add("checkpoint_key", Ed25519NoteSigner.generate(
        new BoardOrigin("board.test", Digest.ZERO).origin(), random).verifierKey().encoded()).build());
    // a cosignature key where the checkpoint key goes, and a note key where a witness key goes
    refused("checkpoint_key", o -> JsonText.object(o).add("checkpoint_key", w1.verifierKey().encoded()).build());
    refused("witnesses[0].vkey", o -> witness(o, 0, "vkey", checkpointKey.verifierKey().encoded()));
    refused("witnesses[0].url", o -> witness(o, 0, "url", "ftp://w1.test"));
    refused("witnesses[0].url", o -> witness(o, 0, "url", "https://w1.test/?q=1"));
    refused("witnesses[1].url", o -> witness(o, 1, "url", "https://w1.test"));
    refused("witnesses[1].vkey", o -> witness(o, 1, "vkey", w1.verifierKey().encoded()));
    refused("witness_quorum", o -> JsonText.object(o).add("witness_quorum", 3).build());
    refused("witness_quorum", o -> JsonText.object(o).add("witness_quorum", -1).build());
    refused("kiosks[1].kiosk_id", o -> JsonText.object(o).add("kiosks", JsonText.array()
        .add(o.getJsonArray("kiosks").get(0)).add(o.getJsonArray("kiosks").get(0))).build());
    refused("kiosks[0].kiosk_id", o -> JsonText.object(o).add("kiosks", JsonText.array().add(JsonText.object(
        o.getJsonArray("kiosks").getJsonObject(0)).add("kiosk_id", "has space"))).build());
    refused("kiosks[0].public_key", o -> JsonText.object(o).add("kiosks", JsonText.array().add(JsonText.object(
        o.getJsonArray("kiosks").getJsonObject(0)).add("public_key", "ab"))).build());
    refused("witnesses", o -> JsonText.object(o).remove("witnesses").build());
  }

  @Test
  void aWitnessOnTheCommandLineIsUrlEqualsVkey() {
    ElectionNotice.Witness w = ElectionNotice.Witness.parse("https://w1.test=" + w1.verifierKey().encoded(), "w");
    assertEquals(URI.create("https://w1.test"), w.url());
    assertEquals(w1.verifierKey(), w.key());
    assertEquals("w", assertThrows(InvalidFieldException.class,
        () -> ElectionNotice.Witness.parse("https://w1.test", "w")).field());
  }

  private static JsonObject witness(JsonObject o, int i, String member, String value) {
    var arr = JsonText.array();
    for (int j = 0; j < o.getJsonArray("witnesses").size(); j++) {
      JsonObject w = o.getJsonArray("witnesses").getJsonObject(j);
      arr.add(j == i ? JsonText.object(w).add(member, value).build() : w);
    }
    return JsonText.object(o).add("witnesses", arr).build();
  }
}
