package org.evote.crypto.verify;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.board.BoardState;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.note.NoteSignature;
import org.evote.crypto.note.SignedNote;
import org.evote.crypto.note.VerifierKey;
import org.evote.crypto.note.WitnessPolicy;
import org.evote.crypto.notice.ElectionNotice;
import org.evote.crypto.notice.NoticeJson;

/**
 * V20, after V19: the record checked against the election notice the officials published before the polls opened
 * (§10.3, §12). The notice is of this election; the board key and checkpoint key of entry 0 are the notice's; the
 * kiosks registered on the board are exactly the notice's, with the same keys; and the final checkpoint is cosigned
 * by at least the notice's quorum of its witnesses, no listed witness's line failing. Without a notice V20 is not
 * checked and every trust check is reported as not made, as it is when the notice cannot be read or is of another
 * election (V20 then fails); a notice with quorum 0 leaves the witness check unmade.
 */
final class NoticeCheck {
  static final String OBJECT = "notice";

  private NoticeCheck() {}

  static void run(RecordVerifier.NoticeInput input, BoardState state, Digest extendedHash,
      Optional<SignedNote> checkpoint, StepLog log) {
    VerificationReport.Recorder v20 = log.step(Step.V20_ELECTION_NOTICE);
    if (input instanceof RecordVerifier.NoticeInput.Unreadable u) {
      v20.fail(OBJECT, "cannot be read: " + u.reason());
      log.trustChecksNotMade(EnumSet.allOf(VerificationReport.TrustCheck.class));
      return;
    }
    if (!(input instanceof RecordVerifier.NoticeInput.Given g)) {
      log.notChecked("no election notice given", Step.V20_ELECTION_NOTICE);
      log.trustChecksNotMade(EnumSet.allOf(VerificationReport.TrustCheck.class));
      return;
    }
    ElectionNotice notice;
    try {
      notice = NoticeJson.decode(g.json());
    } catch (InvalidFieldException e) {
      v20.fail(OBJECT, e.getMessage());
      log.trustChecksNotMade(EnumSet.allOf(VerificationReport.TrustCheck.class));
      return;
    }
    v20.checked(1);
    if (!notice.extendedHash().equals(extendedHash)) {
      v20.fail(OBJECT, "is the notice of another election (extended_hash " + notice.extendedHash().toHex() + ")");
      log.trustChecksNotMade(EnumSet.allOf(VerificationReport.TrustCheck.class));
      return;
    }
    keys(notice, state, v20);
    kiosks(notice, state, v20);
    if (notice.witnessQuorum() == 0) {
      log.trustChecksNotMade(Set.of(VerificationReport.TrustCheck.WITNESS_COSIGNATURES));
    }
    witnesses(notice, checkpoint, v20);
  }

  private static void keys(ElectionNotice notice, BoardState state, VerificationReport.Recorder v20) {
    Optional<Ed25519.PublicKey> boardKey = state.boardKey();
    if (boardKey.isEmpty()) {
      v20.fail("board", "no board key: entry 0 does not publish the election");
      return;
    }
    if (!boardKey.get().equals(notice.boardKey())) {
      v20.fail("entry 0", "board_public_key " + boardKey.get().hex() + " is not the notice's "
          + notice.boardKey().hex());
    }
    Optional<VerifierKey> checkpointKey = state.checkpointKey();
    if (checkpointKey.isEmpty() || !checkpointKey.get().equals(notice.checkpointKey())) {
      v20.fail("entry 0", "checkpoint_key " + checkpointKey.map(VerifierKey::encoded).orElse("(none)")
          + " is not the notice's " + notice.checkpointKey().encoded());
    }
  }

  private static void kiosks(ElectionNotice notice, BoardState state, VerificationReport.Recorder v20) {
    Map<String, Ed25519.PublicKey> listed = new HashMap<>();
    notice.kiosks().forEach(k -> listed.put(k.kioskId(), k.publicKey()));
    Set<String> seen = new HashSet<>();
    for (BoardState.Kiosk k : state.kiosks()) {
      v20.checked(1);
      seen.add(k.kioskId());
      Ed25519.PublicKey key = listed.get(k.kioskId());
      if (key == null) {
        v20.fail("kiosk " + k.kioskId(), "registered on the board but not in the notice");
      } else if (!key.equals(k.publicKey())) {
        v20.fail("kiosk " + k.kioskId(), "registered on the board with another key than the notice's");
      }
    }
    for (ElectionNotice.Kiosk k : notice.kiosks()) {
      if (!seen.contains(k.kioskId())) {
        v20.fail("kiosk " + k.kioskId(), "in the notice but not registered on the board");
      }
    }
  }

  private static void witnesses(ElectionNotice notice, Optional<SignedNote> checkpoint,
      VerificationReport.Recorder v20) {
    if (checkpoint.isEmpty()) {
      if (notice.witnessQuorum() > 0) {
        v20.fail(CheckpointCheck.OBJECT, "no checkpoint to check the witnesses' cosignatures on");
      }
      return;
    }
    SignedNote note = checkpoint.get();
    for (ElectionNotice.Witness w : notice.witnesses()) {
      for (NoteSignature s : note.signatures()) {
        if (w.key().matches(s) && !w.key().verifies(note.text(), s.signature())) {
          v20.fail("witness " + w.key().name(), "its cosignature on the checkpoint does not verify");
        }
      }
    }
    WitnessPolicy.Result r = notice.witnessPolicy().check(note);
    if (r instanceof WitnessPolicy.Result.Satisfied s) {
      v20.note("checkpoint cosigned by " + s.cosignedBy().size() + " of " + notice.witnesses().size()
          + " witnesses, quorum " + notice.witnessQuorum());
    } else if (r instanceof WitnessPolicy.Result.BelowQuorum b) {
      v20.fail(CheckpointCheck.OBJECT, "cosigned by " + b.cosignedBy().size() + " of the notice's witnesses "
          + names(b.cosignedBy()) + ", below the quorum of " + b.quorum());
    } else if (r instanceof WitnessPolicy.Result.NotSignedByLog n) {
      v20.fail(CheckpointCheck.OBJECT, "not signed by the notice's checkpoint key: " + n.reason());
    }
  }

  private static List<String> names(List<VerifierKey> keys) {
    List<String> out = new ArrayList<>();
    keys.forEach(k -> out.add(k.name()));
    return out;
  }
}
