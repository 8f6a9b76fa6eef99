package org.evote.crypto.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.ballot.BallotSeed;
import org.evote.crypto.ballot.EncryptedBallot;
import org.evote.crypto.ballot.EncryptedContest;
import org.evote.crypto.ballot.EncryptedRank;
import org.evote.crypto.ballot.EncryptedSelection;
import org.evote.crypto.ballot.EncryptedWriteIn;
import org.evote.crypto.ballot.MixedContests;
import org.evote.crypto.ballot.PlaintextBallot;
import org.evote.crypto.elgamal.Ciphertext;
import org.evote.crypto.proof.RangeProof;
import org.evote.crypto.proof.WriteInProof;

/** JSON for ciphertexts, range proofs and ballots (protocol §10.3). */
public final class BallotJson {
  static final int MAX_ITEMS = 10_000;

  private BallotJson() {}

  public static JsonObject encode(Ciphertext c) {
    return JsonText.object().add("alpha", c.alpha().encode()).add("beta", c.beta().encode()).build();
  }

  /** A ballot ciphertext: neither component may be the identity. */
  public static Ciphertext decodeCiphertext(Fields f) {
    f.only(Set.of("alpha", "beta"));
    return new Ciphertext(f.element("alpha"), f.element("beta"));
  }

  /** A tally ciphertext: components may be the identity ("AA"). */
  public static Ciphertext decodeSumCiphertext(Fields f) {
    f.only(Set.of("alpha", "beta"));
    return new Ciphertext(f.elementOrIdentity("alpha"), f.elementOrIdentity("beta"));
  }

  public static JsonObject encode(RangeProof p) {
    JsonArrayBuilder branches = JsonText.array();
    for (RangeProof.Branch b : p.branches()) {
      branches.add(JsonText.object().add("a", b.a().encode()).add("b", b.b().encode())
          .add("c", b.c().toHex()).add("v", b.v().toHex()));
    }
    return JsonText.object().add("branches", branches).build();
  }

  public static RangeProof decodeRangeProof(Fields f) {
    f.only(Set.of("branches"));
    return new RangeProof(f.objects("branches", 2, MAX_ITEMS + 1, b -> {
      b.only(Set.of("a", "b", "c", "v"));
      return new RangeProof.Branch(b.element("a"), b.element("b"), b.scalar("c"), b.scalar("v"));
    }));
  }

  public static JsonObject encode(EncryptedBallot b) {
    JsonArrayBuilder contests = JsonText.array();
    for (EncryptedContest c : b.contests()) {
      contests.add(encode(c));
    }
    return JsonText.object().add("ballot_id", b.ballotId()).add("style_id", b.styleId())
        .add("kiosk_id", b.kioskId()).add("timestamp", b.timestamp())
        .add("previous_code", b.previousCode().toHex()).add("contests", contests)
        .add("confirmation_code", b.confirmationCode().toHex()).build();
  }

  /**
   * A contest (§10.3): {@code contest_id}; either {@code selections} and {@code proof} (not ranked) or
   * {@code ranks} (ranked); {@code write_ins} when the contest has write-in lines; {@code contest_hash}.
   */
  public static JsonObject encode(EncryptedContest c) {
    JsonObjectBuilder out = JsonText.object().add("contest_id", c.contestId());
    if (c.isRanked()) {
      JsonArrayBuilder ranks = JsonText.array();
      for (EncryptedRank r : c.ranks()) {
        ranks.add(JsonText.object().add("ciphertext", encode(r.ciphertext())).add("proof", encode(r.proof())));
      }
      out.add("ranks", ranks);
    } else {
      JsonArrayBuilder sels = JsonText.array();
      for (EncryptedSelection s : c.selections()) {
        sels.add(JsonText.object().add("selection_id", s.selectionId())
            .add("ciphertext", encode(s.ciphertext())).add("proof", encode(s.proof())));
      }
      out.add("selections", sels).add("proof", encode(c.proof()));
    }
    if (!c.writeIns().isEmpty()) {
      JsonArrayBuilder lines = JsonText.array();
      for (EncryptedWriteIn w : c.writeIns()) {
        JsonArrayBuilder cts = JsonText.array();
        w.ciphertexts().forEach(ct -> cts.add(encode(ct)));
        JsonArrayBuilder proofs = JsonText.array();
        w.proofs().forEach(p -> proofs.add(JsonText.object().add("commitment", p.commitment().encode())
            .add("response", p.response().toHex())));
        lines.add(JsonText.object().add("selection_id", w.selectionId()).add("ciphertexts", cts)
            .add("proofs", proofs));
      }
      out.add("write_ins", lines);
    }
    return out.add("contest_hash", c.contestHash().toHex()).build();
  }

  public static EncryptedBallot decodeBallot(Fields f) {
    f.only(Set.of("ballot_id", "style_id", "kiosk_id", "timestamp", "previous_code", "contests",
        "confirmation_code"));
    List<EncryptedContest> contests = f.objects("contests", 0, MAX_ITEMS, BallotJson::decodeContest);
    return f.build(() -> new EncryptedBallot(f.id("ballot_id"), f.id("style_id"), f.id("kiosk_id"),
        f.integer("timestamp", 0, Long.MAX_VALUE), f.digest("previous_code"), contests,
        f.digest("confirmation_code")));
  }

  /** A contest of an encrypted ballot ({@link #encode(EncryptedContest)}). */
  public static EncryptedContest decodeContest(Fields c) {
    c.only(Set.of("contest_id", "selections", "proof", "ranks", "write_ins", "contest_hash"));
    String id = c.id("contest_id");
    List<EncryptedSelection> sels = List.of();
    RangeProof proof = null;
    List<EncryptedRank> ranks = List.of();
    if (c.has("ranks")) {
      if (c.has("selections") || c.has("proof")) {
        throw new InvalidFieldException(c.path("ranks"), "a ranked contest has neither selections nor a proof");
      }
      ranks = c.objects("ranks", 1, MAX_ITEMS, r -> {
        r.only(Set.of("ciphertext", "proof"));
        return new EncryptedRank(decodeCiphertext(r.object("ciphertext")), decodeRangeProof(r.object("proof")));
      });
    } else {
      sels = c.objects("selections", 1, MAX_ITEMS, s -> {
        s.only(Set.of("selection_id", "ciphertext", "proof"));
        return new EncryptedSelection(s.id("selection_id"), decodeCiphertext(s.object("ciphertext")),
            decodeRangeProof(s.object("proof")));
      });
      proof = decodeRangeProof(c.object("proof"));
    }
    List<EncryptedWriteIn> writeIns = !c.has("write_ins") ? List.of()
        : c.objects("write_ins", 1, MAX_ITEMS, w -> {
          w.only(Set.of("selection_id", "ciphertexts", "proofs"));
          String sel = w.id("selection_id");
          List<Ciphertext> cts = w.objects("ciphertexts", MixedContests.WRITE_IN_POINTS,
              MixedContests.WRITE_IN_POINTS, BallotJson::decodeCiphertext);
          List<WriteInProof> proofs = w.objects("proofs", MixedContests.WRITE_IN_POINTS,
              MixedContests.WRITE_IN_POINTS, p -> {
                p.only(Set.of("commitment", "response"));
                return new WriteInProof(p.element("commitment"), p.scalar("response"));
              });
          return w.build(() -> new EncryptedWriteIn(sel, cts, proofs));
        });
    RangeProof contestProof = proof;
    List<EncryptedSelection> selections = sels;
    List<EncryptedRank> rankList = ranks;
    return c.build(() -> new EncryptedContest(id, selections, contestProof, rankList, writeIns,
        c.digest("contest_hash")));
  }

  /**
   * A ballot's size checked against the manifest before any point in it is decoded (protocol §9.6, "Refusal
   * records", §10.3), so that a hostile ballot costs no more point decoding than its style's. For a style of the
   * manifest: its number of contests and, in order, each contest's number of selections (not ranked) or of ranks
   * (ranked: L), its number of write-in lines, {@value MixedContests#WRITE_IN_POINTS} ciphertexts and proofs per
   * line, and no more branches in a range proof than its bound allows (2 for a selection, L + 1 for a contest,
   * n + 1 for a rank). For a style not in the manifest, the same bounds by the largest of any style or contest.
   * Reads only {@code style_id} and array lengths; a member of the wrong type is left for {@link #decodeBallot}.
   *
   * @throws InvalidFieldException naming the array that does not fit
   */
  public static void checkSize(JsonObject ballot, org.evote.crypto.manifest.Manifest manifest, String path) {
    BallotSizes.check(ballot, manifest, path);
  }

  public static EncryptedBallot decodeBallot(JsonObject json) {
    return decodeBallot(Fields.of(json));
  }

  /**
   * A plaintext ballot: {"ballot_id", "style_id", "choices": {contest id: [selection ids marked, for a ranked
   * contest in rank order]}, and when any "write_ins": {contest id: {write-in selection id: name}}}.
   */
  public static JsonObject encode(PlaintextBallot p) {
    JsonObjectBuilder choices = JsonText.object();
    for (Map.Entry<String, Set<String>> e : p.choices().entrySet()) {
      JsonArrayBuilder marked = JsonText.array();
      e.getValue().forEach(marked::add);
      choices.add(e.getKey(), marked);
    }
    JsonObjectBuilder out = JsonText.object().add("ballot_id", p.ballotId()).add("style_id", p.styleId())
        .add("choices", choices);
    if (!p.writeIns().isEmpty()) {
      JsonObjectBuilder names = JsonText.object();
      p.writeIns().forEach((contest, lines) -> {
        JsonObjectBuilder l = JsonText.object();
        lines.forEach(l::add);
        names.add(contest, l);
      });
      out.add("write_ins", names);
    }
    return out.build();
  }

  public static PlaintextBallot decodePlaintext(Fields f) {
    f.only(Set.of("ballot_id", "style_id", "choices", "write_ins"));
    Fields choices = f.object("choices");
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String contest : choices.json().keySet()) {
      if (!org.evote.crypto.manifest.Ids.isValid(contest)) {
        throw new InvalidFieldException(choices.path(contest), "invalid contest id");
      }
      out.put(contest, choices.strings(contest, 0, MAX_ITEMS));
    }
    Map<String, Map<String, String>> names = new LinkedHashMap<>();
    if (f.has("write_ins")) {
      Fields all = f.object("write_ins");
      if (all.json().size() > MAX_ITEMS) {
        throw new InvalidFieldException(f.path("write_ins"), "too many contests");
      }
      for (String contest : all.json().keySet()) {
        if (!org.evote.crypto.manifest.Ids.isValid(contest)) {
          throw new InvalidFieldException(all.path(contest), "invalid contest id");
        }
        Fields lines = all.object(contest);
        if (lines.json().size() > MAX_ITEMS) {
          throw new InvalidFieldException(all.path(contest), "too many write-in lines");
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (String sel : lines.json().keySet()) {
          if (!org.evote.crypto.manifest.Ids.isValid(sel)) {
            throw new InvalidFieldException(lines.path(sel), "invalid selection id");
          }
          String name = lines.string(sel);
          java.util.Optional<String> problem = org.evote.crypto.ballot.WriteInNames.problem(name);
          if (problem.isPresent()) {
            throw new InvalidFieldException(lines.path(sel), problem.get());
          }
          m.put(sel, name);
        }
        names.put(contest, m);
      }
    }
    return f.build(() -> new PlaintextBallot(f.id("ballot_id"), f.id("style_id"), out, names));
  }

  public static String encode(BallotSeed seed) {
    return seed.toHex();
  }

  /**
   * Plaintext ballots in ElectionGuard's sample format ({@code [{"object_id", "style_id", "contests":
   * [{"object_id", "ballot_selections": [{"object_id", "vote"}]}]}]}), as election-management systems export them.
   */
  public static List<PlaintextBallot> decodeElectionGuardPlaintexts(JsonArray array) {
    List<PlaintextBallot> out = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      Fields b = Fields.of(array.get(i), "[" + i + "]");
      Map<String, List<String>> choices = new LinkedHashMap<>();
      for (Fields c : b.objects("contests", 0, MAX_ITEMS, x -> x)) {
        List<String> marked = new ArrayList<>();
        for (Fields s : c.objects("ballot_selections", 0, MAX_ITEMS, x -> x)) {
          long vote = s.integer("vote", 0, 1);
          if (vote == 1) {
            marked.add(s.id("object_id"));
          }
        }
        choices.put(c.id("object_id"), marked);
      }
      out.add(b.build(() -> new PlaintextBallot(b.id("object_id"), b.id("style_id"), choices)));
    }
    return out;
  }

}
