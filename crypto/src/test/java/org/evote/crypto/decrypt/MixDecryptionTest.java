package org.evote.crypto.decrypt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.ballot.DecodedRow;
import org.evote.crypto.ballot.PlaintextBallot;
import org.evote.crypto.count.RankedResult;
import org.evote.crypto.count.WriteInCount;
import org.evote.crypto.elgamal.Ciphertext;
import org.evote.crypto.group.Element;
import org.evote.crypto.json.Fields;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.json.ManifestJson;
import org.evote.crypto.json.MixDecryptionJson;
import org.evote.crypto.json.MixedBallotsJson;
import org.evote.crypto.manifest.Manifest;
import org.evote.crypto.decrypt.DecodedList;
import org.evote.crypto.tally.MixInput;
import org.evote.crypto.mix.MixList;
import org.evote.crypto.mix.MixRow;
import org.evote.crypto.proof.MixDecryptionProof;
import org.evote.crypto.testing.TestElection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Threshold decryption of mixed lists (§13.5) on the Riverton manifest, without a shuffle (the lists in board order,
 * so each decoded row can be compared with the ballot it came from): proofs, combination by any quorum, decoding,
 * the count, and the JSON of the decryption and of the decoded rows.
 */
class MixDecryptionTest {
  static final SecureRandom RANDOM = new SecureRandom();
  static TestElection election;
  static MixInput input;

  static Manifest riverton() throws IOException {
    return ManifestJson.decode(JsonText.readObject(Path.of("../docs/examples/manifest-riverton-rcv.json")));
  }

  @BeforeAll
  static void vote() throws IOException {
    election = new TestElection(riverton(), 3, 2, RANDOM);
    election.registerKiosk("kiosk-1");
    election.openPolls();
    input = new MixInput(election.manifest);
    for (PlaintextBallot p : List.of(ward2("a"), ward1("b"), ward2("c"))) {
      input.add(election.vote("kiosk-1", p, false));
    }
  }

  static PlaintextBallot ward2(String id) {
    return new PlaintextBallot(id, "ward-2", Map.of(
        "mayor", List.of("sel-mayor-chen", "sel-mayor-okafor", "sel-write-in-mayor"),
        "city-council", List.of("sel-council-novak", "sel-write-in-council"),
        "school-board-ward-2", List.of("sel-school-osei"),
        "measure-a", List.of("sel-measure-a-yes")),
        Map.of("mayor", Map.of("sel-write-in-mayor", "Zoë Ñúñez-Øvergård"),
            "city-council", Map.of("sel-write-in-council", "María José García")));
  }

  static PlaintextBallot ward1(String id) {
    return new PlaintextBallot(id, "ward-1", Map.of(
        "mayor", List.of("sel-mayor-okafor"),
        "city-council", List.of("sel-council-abebe"),
        "measure-a", List.of("sel-measure-a-no")), Map.of());
  }

  @Test
  void anyQuorumDecryptsTheListsToTheBallotsRankingsAndNames() throws Exception {
    List<MixList> lists = input.lists();
    assertEquals(List.of("mayor", "city-council", "school-board-ward-2"), input.contestIds());
    assertEquals(List.of(3, 3, 2), lists.stream().map(MixList::size).toList());
    MixDecryption.Outcome a = MixDecryption.run(election.config, lists, List.of(election.keys.get(0),
        election.keys.get(2)), RANDOM, 2);
    MixDecryption.Outcome b = MixDecryption.run(election.config, lists, List.of(election.keys.get(1),
        election.keys.get(2)), RANDOM, 1);
    assertEquals(a.decoded(), b.decoded());
    DecodedList mayor = a.decoded().get(0);
    assertEquals(List.of(4, 1, 6, 0, 0), mayor.rows().get(0).ranking().ranks());
    assertEquals(new DecodedRow.Name("Zoë Ñúñez-Øvergård"), mayor.rows().get(0).writeIns().get("sel-write-in-mayor"));
    assertEquals(List.of(1, 0, 0, 0, 0), mayor.rows().get(1).ranking().ranks());
    assertEquals(new DecodedRow.Blank(), mayor.rows().get(1).writeIns().get("sel-write-in-mayor"));
    DecodedList council = a.decoded().get(1);
    assertEquals(List.of(), council.rows().get(0).ranking().ranks());
    assertEquals(new DecodedRow.Name("María José García"), council.rows().get(2).writeIns().get(
        "sel-write-in-council"));

    RankedResult mayorCount = a.counts().ranked().get(0);
    assertEquals("mayor", mayorCount.contestId());
    assertEquals(3, mayorCount.ballots());
    assertEquals(java.util.Optional.of("sel-mayor-chen"), mayorCount.winner());
    WriteInCount mayorNames = a.counts().writeIns().get(0);
    assertEquals(List.of(new WriteInCount.Name("Zoë Ñúñez-Øvergård", 2)), mayorNames.names());
  }

  @Test
  void everyPartialDecryptionIsProvenAndAChangedOneIsNot() {
    List<MixList> lists = input.lists();
    MixDecryptionShare share = new MixDecryptor(election.config, 1).partialDecrypt(election.keys.get(1), lists,
        RANDOM);
    MixList mayor = lists.get(0);
    MixDecryptionShare.Partial p = share.contests().get(0).rows().get(1).get(2);
    Ciphertext ct = mayor.rows().get(1).ciphertexts().get(2);
    assertTrue(p.proof().verify(statement(mayor, 1, 2, ct, p.partial())).isValid());
    assertFalse(p.proof().verify(statement(mayor, 1, 2, ct, p.partial().add(Element.G))).isValid());
    assertFalse(p.proof().verify(statement(mayor, 2, 2, ct, p.partial())).isValid(), "bound to the row");
    assertFalse(p.proof().verify(statement(mayor, 1, 1, ct, p.partial())).isValid(), "bound to the column");
  }

  private static MixDecryptionProof.Statement statement(MixList list, int row, int column, Ciphertext ct,
      Element partial) {
    return new MixDecryptionProof.Statement(election.config.extendedHash(), election.config.jointKey().element(), 2,
        election.config.verificationKey(2), list.contestId(), row, column, ct, partial);
  }

  @Test
  void tooFewGuardiansOrAMisshapenShareCannotBeCombined() {
    List<MixList> lists = input.lists();
    MixDecryptor d = new MixDecryptor(election.config, 1);
    MixDecryptionShare one = d.partialDecrypt(election.keys.get(0), lists, RANDOM);
    assertThrows(Decryptor.DecryptionException.class, () -> d.combine(lists, List.of(one)));
    List<MixDecryptionShare.Contest> fewer = new ArrayList<>(one.contests());
    fewer.remove(2);
    MixDecryptionShare misshapen = new MixDecryptionShare(1, fewer);
    MixDecryptionShare two = d.partialDecrypt(election.keys.get(1), lists, RANDOM);
    assertThrows(Decryptor.DecryptionException.class, () -> d.combine(lists, List.of(misshapen, two)));
  }

  @Test
  void theDecryptionAndTheDecodedRowsRoundTripJsonAndHostileJsonIsRefusedNamingTheField() throws Exception {
    List<MixList> lists = input.lists();
    MixDecryption.Outcome a = MixDecryption.run(election.config, lists, List.of(election.keys.get(0),
        election.keys.get(1)), RANDOM, 1);
    var json = MixDecryptionJson.encode(a.shares());
    List<MixDecryptionShare> back = MixDecryptionJson.decode(Fields.of(JsonText.parseObject(json.toString())));
    assertEquals(a.shares(), back);
    var rows = MixedBallotsJson.encode(election.manifest, a.decoded());
    assertEquals(a.decoded(), MixedBallotsJson.decode(election.manifest, Fields.of(rows)));

    String m = a.shares().get(0).contests().get(0).rows().get(0).get(0).partial().encode();
    String changed = m.substring(0, 40) + (m.charAt(40) == 'A' ? 'B' : 'A') + m.substring(41);
    String offCurve = json.toString().replace(m, changed);
    InvalidFieldException e = assertThrows(InvalidFieldException.class,
        () -> MixDecryptionJson.decode(Fields.of(JsonText.parseObject(offCurve))));
    assertTrue(e.getMessage().startsWith("shares[0].contests[0].rows[0][0].m: point is not on the curve"),
        e.getMessage());
    String unknownSelection = rows.toString().replaceFirst("sel-mayor-chen", "sel-mayor-nobody");
    e = assertThrows(InvalidFieldException.class, () -> MixedBallotsJson.decode(election.manifest,
        Fields.of(JsonText.parseObject(unknownSelection))));
    assertTrue(e.getMessage().contains("contests[0].rows[0].ranking[0]"), e.getMessage());
  }

  @Test
  void theInputKeepsTheCastBallotsRowsInBoardOrder() {
    MixList mayor = input.list("mayor");
    assertEquals(3, mayor.size());
    MixRow first = mayor.rows().get(0);
    assertEquals(5 + 3, first.width());
    assertEquals(mayor.hash(election.config.extendedHash()), input.list("mayor").hash(election.config
        .extendedHash()));
  }
}
