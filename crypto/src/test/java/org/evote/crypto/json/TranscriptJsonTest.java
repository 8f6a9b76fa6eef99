package org.evote.crypto.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.function.UnaryOperator;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.ceremony.CeremonyTranscript;
import org.evote.crypto.ceremony.KeyCeremony;
import org.evote.crypto.ceremony.ShareComplaint;
import org.evote.crypto.ceremony.ShareReveal;
import org.evote.crypto.group.Scalar;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.testing.DeterministicRandom;
import org.junit.jupiter.api.Test;

/** ceremony_transcript.json (protocol §10.3): round trip, canonical form, and hostile input naming its field. */
class TranscriptJsonTest {
  private static final Digest HB = Digest.of(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17,
      18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});
  private static final KeyCeremony.Outcome CEREMONY = KeyCeremony.run(HB, 3, 2,
      new DeterministicRandom("transcript json"));

  private static CeremonyTranscript transcript() {
    CeremonyTranscript honest = CEREMONY.transcript(Digest.ZERO);
    return new CeremonyTranscript(honest.baseHash(), honest.extendedHash(), honest.shares(),
        List.of(new ShareComplaint(2, 1, "share from guardian 1 fails authentication (wrong MAC)")),
        List.of(new ShareReveal(1, 2, Scalar.of(java.math.BigInteger.valueOf(12345)))));
  }

  private static InvalidFieldException rejected(UnaryOperator<JsonObject> edit) {
    JsonObject json = edit.apply(CeremonyJson.encode(transcript()));
    return assertThrows(InvalidFieldException.class,
        () -> CeremonyJson.decodeTranscript(Fields.of(JsonText.parseObject(JsonText.pretty(json)))));
  }

  private static JsonObject editFirstShare(JsonObject t, UnaryOperator<jakarta.json.JsonObjectBuilder> edit) {
    var shares = JsonText.array(t.getJsonArray("shares"));
    shares.set(0, edit.apply(JsonText.object(t.getJsonArray("shares").getJsonObject(0))).build());
    return JsonText.object(t).add("shares", shares).build();
  }

  @Test
  void roundTripsThroughTextAndIsCanonical() {
    CeremonyTranscript t = transcript();
    String text = JsonText.pretty(CeremonyJson.encode(t));
    CeremonyTranscript back = CeremonyJson.decodeTranscript(Fields.of(JsonText.parseObject(text)));
    assertEquals(t, back);
    assertEquals(6, back.shares().size());
    assertEquals(CanonicalJson.write(CeremonyJson.encode(t)), CanonicalJson.write(CeremonyJson.encode(back)));
  }

  @Test
  void theHonestCeremonysTranscriptHasEveryOrderedPairOnceInOrder() {
    List<String> pairs = CEREMONY.transcript(Digest.ZERO).shares().stream()
        .map(s -> s.sender() + "→" + s.recipient()).toList();
    assertEquals(List.of("1→2", "1→3", "2→1", "2→3", "3→1", "3→2"), pairs);
    assertEquals(List.of(), CEREMONY.transcript(Digest.ZERO).complaints());
  }

  @Test
  void hostileInputIsRejectedNamingTheField() {
    assertEquals("extra", rejected(t -> JsonText.object(t).add("extra", 1).build()).field());
    assertEquals("election_base_hash",
        rejected(t -> JsonText.object(t).add("election_base_hash", "xyz").build()).field());
    assertEquals("extended_hash", rejected(t -> JsonText.object(t).remove("extended_hash").build()).field());
    assertEquals("shares", rejected(t -> JsonText.object(t).add("shares", "none").build()).field());
    assertEquals("shares[0].ephemeral", rejected(t -> editFirstShare(t, b -> b.add("ephemeral", "AA"))).field());
    assertEquals("shares[0].ephemeral",
        rejected(t -> editFirstShare(t, b -> b.add("ephemeral", org.evote.crypto.testing.HostilePoints.offCurve())))
            .field());
    assertEquals("shares[0].mac", rejected(t -> editFirstShare(t, b -> b.add("mac", "ab"))).field());
    assertEquals("shares[0].sender", rejected(t -> editFirstShare(t, b -> b.add("sender", 1001))).field());
    assertEquals("shares[0].sender", rejected(t -> editFirstShare(t, b -> b.add("sender", 1.5))).field());
    assertEquals("shares[0]", rejected(t -> editFirstShare(t, b -> b.add("recipient", 1))).field());
    assertEquals("shares[0].cipher", rejected(t -> editFirstShare(t, b -> b.add("cipher", "x"))).field());
    assertEquals("complaints[0]", rejected(t -> JsonText.object(t).add("complaints", JsonText.array()
        .add(JsonText.object().add("accuser", 2).add("accused", 1).add("reason", "  "))).build()).field());
    assertEquals("reveals[0].share", rejected(t -> JsonText.object(t).add("reveals", JsonText.array()
        .add(JsonText.object().add("sender", 1).add("recipient", 2).add("share", "ff".repeat(32)))).build())
        .field());
    assertEquals("$", assertThrows(InvalidFieldException.class,
        () -> JsonText.parseObject("{\"shares\": [], \"shares\": []}")).field());
  }
}
