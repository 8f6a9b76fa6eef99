package org.evote.crypto.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.ceremony.GuardianRecord;
import org.evote.crypto.json.ElectionJson;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.testing.TestElection;
import org.junit.jupiter.api.Test;

/** The one gate every program passes an election through: V1–V4, the guardians' Schnorr proofs included. */
class ElectionChecksTest {
  private static final SecureRandom RANDOM = new SecureRandom();

  @Test
  void anHonestElectionIsAccepted() {
    TestElection e = new TestElection(TestElection.manifest("manifest-minimal.json"), 3, 2, RANDOM);
    assertEquals(e.config, ElectionChecks.accept(ElectionJson.encode(e.config)));
  }

  @Test
  void anElectionFromAFailedCeremonyIsRefusedNamingStepV3() {
    TestElection e = new TestElection(TestElection.manifest("manifest-minimal.json"), 3, 2, RANDOM, records -> {
      List<GuardianRecord> out = new ArrayList<>(records);
      GuardianRecord g = out.get(1);
      out.set(1, new GuardianRecord(g.index(), g.commitments(), List.of(g.proofs().get(1), g.proofs().get(0))));
      return out;
    });
    InvalidFieldException ex = assertThrows(InvalidFieldException.class,
        () -> ElectionChecks.accept(ElectionJson.encode(e.config)));
    assertTrue(ex.reason().startsWith("V3 guardian 2"), ex.getMessage());
  }

  @Test
  void anAlteredHashIsRefusedNamingItsStep() {
    TestElection e = new TestElection(TestElection.manifest("manifest-minimal.json"), 3, 2, RANDOM);
    var json = JsonText.object(ElectionJson.encode(e.config)).add("extended_hash", "ab".repeat(32)).build();
    InvalidFieldException ex = assertThrows(InvalidFieldException.class, () -> ElectionChecks.accept(json));
    assertTrue(ex.reason().startsWith("V4 election.json extended_hash"), ex.getMessage());
  }

  @Test
  void anUndecodableElectionIsRefusedNamingTheField() {
    InvalidFieldException ex = assertThrows(InvalidFieldException.class,
        () -> ElectionChecks.accept(JsonText.object().add("parameters", "none").build()));
    assertTrue(ex.reason().startsWith("V1 election.json"), ex.getMessage());
  }

  @Test
  void anElectionOfAnotherProtocolVersionIsRefusedNamingTheFieldAndTheVersion() {
    TestElection e = new TestElection(TestElection.manifest("manifest-minimal.json"), 3, 2, RANDOM);
    var json = ElectionJson.encode(e.config);
    for (String version : new String[] {"evote/1", "evote/3", "", "x".repeat(1000)}) {
      var old = JsonText.object(json).add("parameters", JsonText.object(json.getJsonObject("parameters"))
          .add("protocol", version)).build();
      InvalidFieldException ex = assertThrows(InvalidFieldException.class, () -> ElectionChecks.accept(old));
      assertEquals("election", ex.field());
      assertTrue(ex.reason().startsWith("V1 election.json: parameters.protocol: protocol version '"
          + (version.length() > 40 ? version.substring(0, 40) + "…" : version) + "' is not supported: this "
          + "implementation reads only evote/2 records"), ex.reason());
    }
  }
}
