package org.evote.crypto.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.util.Arrays;
import java.util.List;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.json.BoardJson;
import org.junit.jupiter.api.Test;

/** The closed set of a {@code ballot_refused} entry's reasons (protocol §9.1): any other fails decoding (V8). */
class RefusalReasonTest {
  @Test
  void theReasonsAreExactlyTheClosedSetOfTheProtocol() {
    assertEquals(List.of("ballot_id_namespace", "duplicate_ballot_id", "duplicate_ciphertext", "chain_time",
        "future_ballot", "unknown_style", "invalid_ballot", "challenge_mismatch"),
        Arrays.stream(RefusalReason.values()).map(RefusalReason::wireName).toList());
  }

  @Test
  void anyOtherReasonFailsDecodingNamingIt() {
    for (String other : List.of("chain_broken", "revoked_kiosk", "FUTURE_BALLOT", "")) {
      InvalidFieldException e = assertThrows(InvalidFieldException.class, () -> BoardJson.decodeFacts(
          EntryKind.BALLOT_REFUSED, Json.createObjectBuilder().add("submission_kind", "ballot_cast")
              .add("submission", Json.createObjectBuilder()).add("reason", other).build()));
      assertEquals("payload.reason", e.field(), other);
      assertTrue(e.getMessage().contains("unknown refusal reason"), e.getMessage());
    }
  }
}
