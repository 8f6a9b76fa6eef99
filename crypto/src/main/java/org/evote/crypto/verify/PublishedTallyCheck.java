package org.evote.crypto.verify;

import jakarta.json.JsonObject;
import java.util.List;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.board.EntryPayload;
import org.evote.crypto.json.JsonHashes;

/** V17: the board's last tally_published entry holds H_JSON of each tally file of the record. */
final class PublishedTallyCheck {
  private PublishedTallyCheck() {}

  static void run(EntryPayload.TallyPublished t, JsonObject tally, List<JsonObject> shares, JsonObject result,
      VerificationReport.Recorder v17) {
    v17.checked(1);
    try {
      if (!t.tallyHash().equals(JsonHashes.of(tally))) {
        v17.fail("tally_published entry", "tally hash does not match encrypted_tally.json");
      }
      if (!t.sharesHash().equals(JsonHashes.ofShares(shares))) {
        v17.fail("tally_published entry", "shares hash does not match decryption_shares.json");
      }
      if (!t.resultHash().equals(JsonHashes.of(result))) {
        v17.fail("tally_published entry", "result hash does not match result.json");
      }
    } catch (InvalidFieldException e) {
      v17.fail("tally files", "cannot be hashed in canonical form: " + e.getMessage());
    }
  }

}
