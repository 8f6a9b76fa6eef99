package org.evote.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.evote.crypto.board.Rule;
import org.evote.server.board.Refusal;
import org.junit.jupiter.api.Test;

/** The HTTP status of every kind of refusal (docs/api.md). */
class ErrorMapperTest {
  @Test
  void aKioskThatMayNotSubmitIsForbidden() {
    assertEquals(403, ErrorMapper.status(new Refusal.BrokenRule(Rule.BALLOT_KIOSK_REGISTERED)));
    assertEquals(403, ErrorMapper.status(new Refusal.BrokenRule(Rule.BALLOT_KIOSK_NOT_REVOKED)));
    assertEquals(403, ErrorMapper.status(new Refusal.BrokenRule(Rule.BALLOT_SIGNED_BY_KIOSK)));
  }

  @Test
  void revokingAnUnknownKioskIsNotFound() {
    assertEquals(404, ErrorMapper.status(new Refusal.BrokenRule(Rule.REVOKED_KIOSK_REGISTERED)));
  }

  @Test
  void otherBrokenRulesAreConflicts() {
    for (Rule r : new Rule[] {Rule.POLLS_OPEN_ONCE, Rule.KIOSK_REGISTERED_ONCE,
        Rule.BALLOT_WHILE_POLLS_OPEN, Rule.REQUEST_ID_UNUSED, Rule.BALLOT_ID_UNIQUE, Rule.CIPHERTEXTS_UNIQUE,
        Rule.CHAIN_CONTINUES, Rule.CHAIN_TIME_NOT_BACKWARDS, Rule.POLLS_CLOSE_AFTER_OPEN, Rule.TALLY_AFTER_CLOSE,
        Rule.TALLY_ONCE}) {
      assertEquals(409, ErrorMapper.status(new Refusal.BrokenRule(r)), r.name());
    }
  }

  @Test
  void invalidSubmissionsAndTheClockPolicyAreBadRequests() {
    for (Refusal.Invalid i : Refusal.Invalid.values()) {
      assertEquals(400, ErrorMapper.status(i), i.name());
    }
    assertEquals(400, ErrorMapper.status(new Refusal.BrokenRule(org.evote.crypto.board.Rule.BALLOT_NOT_AFTER_ENTRY)));
    assertEquals("future_ballot", new Refusal.BrokenRule(org.evote.crypto.board.Rule.BALLOT_NOT_AFTER_ENTRY).code());
    assertEquals(409, ErrorMapper.status(Refusal.Policy.KIOSK_ALREADY_REVOKED));
  }

  @Test
  void anUnavailableBoardIs503AndADatabaseConflict409() {
    assertEquals(503, ErrorMapper.status(Refusal.Unavailable.BOARD_UNAVAILABLE));
    assertEquals(503, ErrorMapper.status(Refusal.Unavailable.BOARD_BUSY));
    assertEquals(409, ErrorMapper.status(Refusal.Conflict.DUPLICATE));
  }
}
