package org.evote.crypto.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.evote.crypto.InvalidFieldException;
import java.util.Set;
import org.evote.crypto.mix.MixFile;

/**
 * JSON of a mix file {@code mix-<p>.json} (protocol §10.3): {"position": p, "mixer": ℓ, "shuffles": [{"contest_id",
 * "input_hash", "output": rows, "proof": proof of shuffle}], "signature": {"commitment", "response"}}; rows and
 * proofs as {@link MixJson} writes them. Every point, scalar and hash is validated as it is decoded.
 */
public final class MixFileJson {
  private MixFileJson() {}

  public static JsonObject encode(MixFile m) {
    JsonArrayBuilder shuffles = JsonText.array();
    for (MixFile.Shuffle s : m.shuffles()) {
      shuffles.add(JsonText.object().add("contest_id", s.contestId()).add("input_hash", s.inputHash().toHex())
          .add("output", MixJson.encodeRows(s.output())).add("proof", MixJson.encode(s.proof())));
    }
    return JsonText.object().add("position", m.position()).add("mixer", m.mixer()).add("shuffles", shuffles)
        .add("signature", JsonText.object().add("commitment", m.signature().commitment().encode())
            .add("response", m.signature().response().toHex()))
        .build();
  }

  /** The shape of one list a mix file may hold: N rows of width w (the same at every position of the cascade). */
  public record Shape(int rows, int width) {}

  /** The shapes of the cascade's input lists (they stay the same at every position). */
  public static Map<String, Shape> shapes(List<org.evote.crypto.mix.MixList> lists) {
    Map<String, Shape> out = new java.util.HashMap<>();
    for (org.evote.crypto.mix.MixList l : lists) {
      out.put(l.contestId(), new Shape(l.size(), l.size() == 0 ? 0 : l.rows().get(0).width()));
    }
    return out;
  }

  /**
   * Decodes a mix file whose lists must have the shapes {@code shapes} (contest id → N and w, from the cast
   * ballots' rows): lengths are checked before any point is decoded; a list of another contest is refused.
   */
  public static MixFile decode(Fields f, Map<String, Shape> shapes) {
    f.only(Set.of("position", "mixer", "shuffles", "signature"));
    int position = f.smallInt("position", 1, CeremonyJson.MAX_GUARDIANS);
    int mixer = f.smallInt("mixer", 1, CeremonyJson.MAX_GUARDIANS);
    List<MixFile.Shuffle> shuffles = f.objects("shuffles", 0, TallyJson.MAX_ITEMS, s -> {
      s.only(Set.of("contest_id", "input_hash", "output", "proof"));
      String contest = s.id("contest_id");
      Shape shape = shapes.get(contest);
      if (shape == null || shape.rows() < 1) {
        throw new InvalidFieldException(s.path("contest_id"), contest + " has no list to shuffle");
      }
      List<org.evote.crypto.mix.MixRow> output = MixJson.decodeRows(s.json().get("output"), s.path("output"),
          shape.rows(), shape.width());
      return s.build(() -> new MixFile.Shuffle(contest, s.digest("input_hash"), output,
          MixJson.decodeProof(s.object("proof"), shape.rows(), shape.width())));
    });
    Fields sig = f.object("signature").only(Set.of("commitment", "response"));
    MixFile.Signature signature = new MixFile.Signature(sig.element("commitment"), sig.scalar("response"));
    return f.build(() -> new MixFile(position, mixer, shuffles, signature));
  }
}
