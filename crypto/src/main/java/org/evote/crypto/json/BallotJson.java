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
import org.evote.crypto.ballot.EncryptedSelection;
import org.evote.crypto.ballot.PlaintextBallot;
import org.evote.crypto.elgamal.Ciphertext;
import org.evote.crypto.proof.RangeProof;

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
      JsonArrayBuilder sels = JsonText.array();
      for (EncryptedSelection s : c.selections()) {
        sels.add(JsonText.object().add("selection_id", s.selectionId())
            .add("ciphertext", encode(s.ciphertext())).add("proof", encode(s.proof())));
      }
      contests.add(JsonText.object().add("contest_id", c.contestId()).add("selections", sels)
          .add("proof", encode(c.proof())).add("contest_hash", c.contestHash().toHex()));
    }
    return JsonText.object().add("ballot_id", b.ballotId()).add("style_id", b.styleId())
        .add("kiosk_id", b.kioskId()).add("timestamp", b.timestamp())
        .add("previous_code", b.previousCode().toHex()).add("contests", contests)
        .add("confirmation_code", b.confirmationCode().toHex()).build();
  }

  public static EncryptedBallot decodeBallot(Fields f) {
    f.only(Set.of("ballot_id", "style_id", "kiosk_id", "timestamp", "previous_code", "contests",
        "confirmation_code"));
    List<EncryptedContest> contests = f.objects("contests", 0, MAX_ITEMS, c -> {
      c.only(Set.of("contest_id", "selections", "proof", "contest_hash"));
      List<EncryptedSelection> sels = c.objects("selections", 1, MAX_ITEMS, s -> {
        s.only(Set.of("selection_id", "ciphertext", "proof"));
        return new EncryptedSelection(s.id("selection_id"), decodeCiphertext(s.object("ciphertext")),
            decodeRangeProof(s.object("proof")));
      });
      return new EncryptedContest(c.id("contest_id"), sels, decodeRangeProof(c.object("proof")),
          c.digest("contest_hash"));
    });
    return f.build(() -> new EncryptedBallot(f.id("ballot_id"), f.id("style_id"), f.id("kiosk_id"),
        f.integer("timestamp", 0, Long.MAX_VALUE), f.digest("previous_code"), contests,
        f.digest("confirmation_code")));
  }

  /**
   * A ballot's size checked against the manifest before any point in it is decoded (protocol §9.6, "Refusal
   * records"), so that a hostile ballot costs no more point decoding than its style's: for a style of the manifest,
   * its number of contests and each contest's number of selections, in order, are the style's; for a style not in
   * the manifest, at most the largest number of contests of any style and of selections of any contest. Reads only
   * {@code style_id} and the lengths of the {@code contests} and {@code selections} arrays; a member of the wrong
   * type is left for {@link #decodeBallot} to name.
   *
   * @throws InvalidFieldException naming the {@code contests} or {@code selections} array that does not fit
   */
  public static void checkSize(JsonObject ballot, org.evote.crypto.manifest.Manifest manifest, String path) {
    if (!(ballot.get("contests") instanceof JsonArray contests)) {
      return;
    }
    String style = ballot.get("style_id") instanceof jakarta.json.JsonString id ? id.getString() : null;
    List<org.evote.crypto.manifest.ContestDescription> expected = style == null ? List.of()
        : manifest.contestsFor(style);
    boolean known = style != null && manifest.style(style).isPresent();
    int maxContests = 0;
    int maxSelections = 0;
    if (!known) {
      for (org.evote.crypto.manifest.BallotStyle s : manifest.ballotStyles()) {
        maxContests = Math.max(maxContests, manifest.contestsFor(s.id()).size());
      }
      for (org.evote.crypto.manifest.ContestDescription c : manifest.contests()) {
        maxSelections = Math.max(maxSelections, c.selections().size());
      }
    }
    if (known ? contests.size() != expected.size() : contests.size() > maxContests) {
      throw new InvalidFieldException(path + ".contests", known
          ? "style " + style + " has " + expected.size() + " contests, the ballot has " + contests.size()
          : "the ballot has " + contests.size() + " contests, more than any style of the manifest (" + maxContests
              + ")");
    }
    for (int c = 0; c < contests.size(); c++) {
      if (contests.get(c) instanceof JsonObject contest && contest.get("selections") instanceof JsonArray sels) {
        int allowed = known ? expected.get(c).selections().size() : maxSelections;
        if (known ? sels.size() != allowed : sels.size() > allowed) {
          throw new InvalidFieldException(path + ".contests[" + c + "].selections", known
              ? "contest " + expected.get(c).id() + " has " + allowed + " selections, the ballot has " + sels.size()
              : "the contest has " + sels.size() + " selections, more than any contest of the manifest ("
                  + allowed + ")");
        }
      }
    }
  }

  public static EncryptedBallot decodeBallot(JsonObject json) {
    return decodeBallot(Fields.of(json));
  }

  /** A plaintext ballot: {"ballot_id", "style_id", "choices": {contest id: [selection ids marked]}}. */
  public static JsonObject encode(PlaintextBallot p) {
    JsonObjectBuilder choices = JsonText.object();
    for (Map.Entry<String, Set<String>> e : p.choices().entrySet()) {
      JsonArrayBuilder marked = JsonText.array();
      e.getValue().forEach(marked::add);
      choices.add(e.getKey(), marked);
    }
    return JsonText.object().add("ballot_id", p.ballotId()).add("style_id", p.styleId())
        .add("choices", choices).build();
  }

  public static PlaintextBallot decodePlaintext(Fields f) {
    f.only(Set.of("ballot_id", "style_id", "choices"));
    Fields choices = f.object("choices");
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String contest : choices.json().keySet()) {
      if (!org.evote.crypto.manifest.Ids.isValid(contest)) {
        throw new InvalidFieldException(choices.path(contest), "invalid contest id");
      }
      out.put(contest, choices.strings(contest, 0, MAX_ITEMS));
    }
    return f.build(() -> new PlaintextBallot(f.id("ballot_id"), f.id("style_id"), out));
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
