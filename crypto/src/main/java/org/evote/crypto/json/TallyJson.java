package org.evote.crypto.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.evote.crypto.decrypt.DecryptionShare;
import org.evote.crypto.decrypt.ElectionResult;
import org.evote.crypto.proof.DecryptionProof;
import org.evote.crypto.tally.EncryptedTally;

/** JSON for the encrypted tally, the guardians' decryption shares and the result (protocol §10.3). */
public final class TallyJson {
  static final int MAX_ITEMS = 10_000;

  private TallyJson() {}

  public static JsonObject encode(EncryptedTally t) {
    JsonArrayBuilder contests = JsonText.array();
    for (EncryptedTally.Contest c : t.contests()) {
      JsonArrayBuilder sels = JsonText.array();
      for (EncryptedTally.Selection s : c.selections()) {
        sels.add(JsonText.object().add("selection_id", s.selectionId())
            .add("ciphertext", BallotJson.encode(s.ciphertext())));
      }
      contests.add(JsonText.object().add("contest_id", c.contestId()).add("selections", sels));
    }
    return JsonText.object().add("cast_ballots", t.castBallots()).add("contests", contests).build();
  }

  public static EncryptedTally decodeTally(Fields f) {
    f.only(Set.of("cast_ballots", "contests"));
    List<EncryptedTally.Contest> contests = f.objects("contests", 0, MAX_ITEMS, c -> {
      c.only(Set.of("contest_id", "selections"));
      return new EncryptedTally.Contest(c.id("contest_id"), c.objects("selections", 1, MAX_ITEMS, s -> {
        s.only(Set.of("selection_id", "ciphertext"));
        return new EncryptedTally.Selection(s.id("selection_id"), BallotJson.decodeSumCiphertext(
            s.object("ciphertext")));
      }));
    });
    return f.build(() -> new EncryptedTally(contests, f.integer("cast_ballots", 0, Long.MAX_VALUE)));
  }

  public static JsonObject encode(DecryptionShare d) {
    JsonArrayBuilder contests = JsonText.array();
    for (DecryptionShare.Contest c : d.contests()) {
      JsonArrayBuilder sels = JsonText.array();
      for (DecryptionShare.Selection s : c.selections()) {
        sels.add(JsonText.object().add("selection_id", s.selectionId())
            .add("partial", s.partial().encode())
            .add("proof", JsonText.object().add("a", s.proof().a().encode()).add("b", s.proof().b().encode())
                .add("response", s.proof().response().toHex())));
      }
      contests.add(JsonText.object().add("contest_id", c.contestId()).add("selections", sels));
    }
    return JsonText.object().add("guardian", d.guardian()).add("contests", contests).build();
  }

  public static DecryptionShare decodeShare(Fields f) {
    f.only(Set.of("guardian", "contests"));
    List<DecryptionShare.Contest> contests = f.objects("contests", 0, MAX_ITEMS, c -> {
      c.only(Set.of("contest_id", "selections"));
      return new DecryptionShare.Contest(c.id("contest_id"), c.objects("selections", 1, MAX_ITEMS, s -> {
        s.only(Set.of("selection_id", "partial", "proof"));
        Fields p = s.object("proof").only(Set.of("a", "b", "response"));
        return new DecryptionShare.Selection(s.id("selection_id"), s.elementOrIdentity("partial"),
            new DecryptionProof(p.element("a"), p.elementOrIdentity("b"), p.scalar("response")));
      }));
    });
    return f.build(() -> new DecryptionShare(f.smallInt("guardian", 1, CeremonyJson.MAX_GUARDIANS), contests));
  }

  /** result.json: {"cast_ballots", "challenged_ballots", "contests": {contest id: {selection id: count}}}. */
  public static JsonObject encode(ElectionResult r) {
    JsonObjectBuilder contests = JsonText.object();
    for (ElectionResult.Contest c : r.contests()) {
      JsonObjectBuilder sels = JsonText.object();
      for (ElectionResult.Selection s : c.selections()) {
        sels.add(s.selectionId(), s.count());
      }
      contests.add(c.contestId(), sels);
    }
    return JsonText.object().add("cast_ballots", r.castBallots())
        .add("challenged_ballots", r.challengedBallots()).add("contests", contests).build();
  }

  public static ElectionResult decodeResult(Fields f) {
    f.only(Set.of("cast_ballots", "challenged_ballots", "contests"));
    Fields contests = f.object("contests");
    List<ElectionResult.Contest> out = new ArrayList<>();
    for (String contestId : contests.json().keySet()) {
      Fields sels = contests.object(contestId);
      List<ElectionResult.Selection> counts = new ArrayList<>();
      for (String selectionId : sels.json().keySet()) {
        counts.add(new ElectionResult.Selection(selectionId, sels.integer(selectionId, 0, Long.MAX_VALUE)));
      }
      out.add(new ElectionResult.Contest(contestId, counts));
    }
    return f.build(() -> new ElectionResult(out, f.integer("cast_ballots", 0, Long.MAX_VALUE),
        f.integer("challenged_ballots", 0, Long.MAX_VALUE)));
  }
}
