package org.evote.crypto.ballot;

import java.util.List;
import java.util.Optional;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.manifest.Ids;

/**
 * An encrypted ballot (protocol §5): ids, the kiosk that made it, the time, the previous confirmation code of that
 * kiosk's chain, every contest of its style, and its confirmation code H_C. Everything here is public.
 */
public record EncryptedBallot(String ballotId, String styleId, String kioskId, long timestamp,
    Digest previousCode, List<EncryptedContest> contests, Digest confirmationCode) {
  public EncryptedBallot {
    for (String id : List.of(ballotId, styleId, kioskId)) {
      if (!Ids.isValid(id)) {
        throw new IllegalArgumentException("ids must be 1-256 printable ASCII characters without spaces");
      }
    }
    if (timestamp < 0) {
      throw new IllegalArgumentException("timestamp must not be negative");
    }
    contests = List.copyOf(contests);
    if (previousCode == null || confirmationCode == null) {
      throw new IllegalArgumentException("ballot needs its previous and own confirmation codes");
    }
  }

  public Optional<EncryptedContest> contest(String contestId) {
    return contests.stream().filter(c -> c.contestId().equals(contestId)).findFirst();
  }

  /** The short tracking code printed on the receipt (§5.5). */
  public String trackingCode() {
    return ConfirmationCodes.shortForm(confirmationCode);
  }
}
