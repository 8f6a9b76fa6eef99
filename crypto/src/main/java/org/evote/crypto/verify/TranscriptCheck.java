package org.evote.crypto.verify;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.ceremony.CeremonyTranscript;
import org.evote.crypto.ceremony.EncryptedShare;
import org.evote.crypto.ceremony.ShareComplaint;
import org.evote.crypto.ceremony.ShareReveal;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.json.CeremonyJson;
import org.evote.crypto.json.Fields;

/**
 * V18: the key ceremony's transcript is this election's, has exactly one encrypted share for every ordered pair of
 * its guardians, and every complaint is answered by a reveal that passes check 5 of §7.3, with fewer than k
 * complaints against any guardian. What it cannot check — a share's MAC and content — only its recipient can.
 */
public final class TranscriptCheck {
  private TranscriptCheck() {}

  /**
   * V18 on a decoded transcript, for tools that assemble one (the distributed ceremony): the first failures (at most
   * {@link VerificationReport#MAX_FAILURES}), each naming its object, or none.
   */
  public static List<VerificationReport.Failure> failures(ElectionConfig config, CeremonyTranscript t) {
    VerificationReport.Recorder v18 = new VerificationReport.Recorder(Step.V18_CEREMONY_TRANSCRIPT);
    check(config, t, v18);
    return v18.outcome().failures();
  }

  /** V18 on the record's transcript file; an absent one fails (the caller makes V18 n/a where it may be absent). */
  static void run(ElectionConfig config, TranscriptFile file, VerificationReport.Recorder v18) {
    if (file instanceof TranscriptFile.Present p) {
      CeremonyTranscript t;
      try {
        t = CeremonyJson.decodeTranscript(Fields.of(p.json(), ""));
      } catch (InvalidFieldException e) {
        v18.checked(1);
        v18.fail(TranscriptFile.NAME, e.getMessage());
        return;
      }
      check(config, t, v18);
    } else if (file instanceof TranscriptFile.Unreadable u) {
      v18.checked(1);
      v18.fail(TranscriptFile.NAME, "cannot be read: " + u.reason());
    } else {
      v18.checked(1);
      v18.fail(TranscriptFile.NAME, "missing: a final record (a tally, or a tally_published entry) must publish the key "
          + "ceremony's transcript");
    }
  }

  private static void check(ElectionConfig config, CeremonyTranscript t, VerificationReport.Recorder v18) {
    v18.checked(1);
    if (!t.baseHash().equals(config.baseHash())) {
      v18.fail(TranscriptFile.NAME + " election_base_hash", "is not this election's H_B: the transcript of "
          + "another election, size or quorum (not checked further)");
      return;
    }
    if (!t.extendedHash().equals(config.extendedHash())) {
      v18.fail(TranscriptFile.NAME + " extended_hash", "is not this election's H_E: the transcript of another "
          + "ceremony (not checked further)");
      return;
    }
    int n = config.guardianCount();
    Set<Integer> shared = new HashSet<>();
    for (EncryptedShare s : t.shares()) {
      v18.checked(1);
      String object = "share " + s.sender() + "→" + s.recipient();
      if (outside(n, s.sender(), s.recipient(), object, v18)) {
        continue;
      }
      if (!shared.add(pair(s.sender(), s.recipient()))) {
        v18.fail(object, "appears more than once");
      }
    }
    Map<Integer, Integer> complaintsAgainst = new HashMap<>();
    Set<Integer> complained = new HashSet<>();
    for (ShareComplaint c : t.complaints()) {
      v18.checked(1);
      String object = "complaint of guardian " + c.accuser() + " against guardian " + c.accused();
      if (outside(n, c.accused(), c.accuser(), object, v18)) {
        continue;
      }
      if (!complained.add(pair(c.accused(), c.accuser()))) {
        v18.fail(object, "appears more than once");
        continue;
      }
      complaintsAgainst.merge(c.accused(), 1, Integer::sum);
    }
    Set<Integer> revealed = new HashSet<>();
    Set<Integer> resolved = new HashSet<>();
    for (ShareReveal r : t.reveals()) {
      v18.checked(1);
      String object = "reveal " + r.sender() + "→" + r.recipient();
      if (outside(n, r.sender(), r.recipient(), object, v18)) {
        continue;
      }
      int pair = pair(r.sender(), r.recipient());
      if (!revealed.add(pair)) {
        v18.fail(object, "appears more than once");
      } else if (!complained.contains(pair)) {
        v18.fail(object, "answers no complaint (guardian " + r.recipient() + " did not complain about guardian "
            + r.sender() + ")");
      } else if (!r.matches(config.guardians().get(r.sender() - 1))) {
        v18.fail(object, "fails check 5 of §7.3 (share·G is not Σ_j ℓ^j·K_i,j): guardian " + r.sender()
            + " is disqualified");
      } else {
        resolved.add(pair);
      }
    }
    for (ShareComplaint c : t.complaints()) {
      int pair = pair(c.accused(), c.accuser());
      if (c.accused() <= n && c.accuser() <= n && !revealed.contains(pair)) {
        v18.fail("complaint of guardian " + c.accuser() + " against guardian " + c.accused(),
            "not answered by a reveal: guardian " + c.accused() + " is disqualified");
      }
    }
    complaintsAgainst.forEach((guardian, count) -> {
      if (count >= config.quorum()) {
        v18.fail("guardian " + guardian, count + " complaints against it, the quorum is " + config.quorum()
            + ": its secret is no longer protected and the ceremony must restart without it");
      }
    });
    for (int i = 1; i <= n; i++) {
      for (int l = 1; l <= n; l++) {
        if (i != l && !shared.contains(pair(i, l)) && !resolved.contains(pair(i, l))) {
          v18.fail("share " + i + "→" + l, "missing (and no complaint about it answered by a valid reveal)");
        }
      }
    }
  }

  /** Fails and returns true if either guardian number is above n. */
  private static boolean outside(int n, int a, int b, String object, VerificationReport.Recorder v18) {
    int bad = a > n ? a : b > n ? b : 0;
    if (bad != 0) {
      v18.fail(object, "guardian " + bad + " is not a guardian of this election (n = " + n + ")");
      return true;
    }
    return false;
  }

  /** The ordered pair (sender i, recipient ℓ) as one number (both ≤ 1000). */
  private static int pair(int sender, int recipient) {
    return sender * 1024 + recipient;
  }
}
