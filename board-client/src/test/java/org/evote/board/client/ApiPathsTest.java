package org.evote.board.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.evote.crypto.board.EntryKind;
import org.junit.jupiter.api.Test;

class ApiPathsTest {
  @Test
  void submission_isTheCastOrChallengedPath() {
    assertEquals("/api/ballots", ApiPaths.submission(EntryKind.BALLOT_CAST));
    assertEquals("/api/ballots/challenged", ApiPaths.submission(EntryKind.BALLOT_CHALLENGED));
    assertThrows(IllegalArgumentException.class, () -> ApiPaths.submission(EntryKind.POLLS_OPENED));
  }

  @Test
  void routePatterns_areFilledInAsOneEncodedSegment() {
    assertEquals("/api/receipts/7KQ2-M9XD-4TB0-WZ5R", ApiPaths.receipt("7KQ2-M9XD-4TB0-WZ5R"));
    assertEquals("/api/receipts/7KQ2%20M9XD%2F..", ApiPaths.receipt("7KQ2 M9XD/.."));
    assertEquals("/api/admin/kiosks/K%2B1/revoke", ApiPaths.revokeKiosk("K+1"));
    assertThrows(IllegalArgumentException.class, () -> ApiPaths.receipt(""));
  }

  @Test
  void queries_carryTheirParameters() {
    assertEquals("/api/board?from=5&limit=10", ApiPaths.page(5, 10));
    assertEquals("/api/board/proof/inclusion?seq=3&size=7", ApiPaths.inclusionProof(3, 7));
    assertEquals("/api/board/proof/inclusion?seq=3", ApiPaths.inclusionProof(3));
    assertEquals("/api/board/proof/consistency?from=2&to=9", ApiPaths.consistencyProof(2, 9));
    assertEquals("/api/challenged?from=0&limit=100", ApiPaths.challenged(0, 100));
    assertEquals("/checkpoint", ApiPaths.CHECKPOINT);
  }
}
