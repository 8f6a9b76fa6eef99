package org.evote.crypto.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Set;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.decrypt.MixDecryptionShare;
import org.evote.crypto.proof.MixDecryptionProof;

/**
 * JSON of {@code mix_decryption.json} (protocol §10.3): {"shares": [{"guardian": ℓ, "contests": [{"contest_id",
 * "rows": [[{"m", "a", "b", "v"} per ciphertext] per row]}]}]} — M_ℓ, the proof's commitments a and b, and its
 * response v. Every point is decoded and checked on the curve (none may be the identity), every scalar below q.
 */
public final class MixDecryptionJson {
  /** At most this many rows per list (a bound far above any election's ballots). */
  public static final int MAX_ROWS = 10_000_000;
  /** At most this many ciphertexts per row. */
  public static final int MAX_WIDTH = 4_096;

  private MixDecryptionJson() {}

  public static JsonObject encode(List<MixDecryptionShare> shares) {
    JsonArrayBuilder arr = JsonText.array();
    shares.forEach(s -> arr.add(encode(s)));
    return JsonText.object().add("shares", arr).build();
  }

  public static JsonObject encode(MixDecryptionShare share) {
    JsonArrayBuilder contests = JsonText.array();
    for (MixDecryptionShare.Contest c : share.contests()) {
      JsonArrayBuilder rows = JsonText.array();
      for (List<MixDecryptionShare.Partial> row : c.rows()) {
        JsonArrayBuilder r = JsonText.array();
        for (MixDecryptionShare.Partial p : row) {
          r.add(JsonText.object().add("m", p.partial().encode()).add("a", p.proof().a().encode())
              .add("b", p.proof().b().encode()).add("v", p.proof().response().toHex()));
        }
        rows.add(r);
      }
      contests.add(JsonText.object().add("contest_id", c.contestId()).add("rows", rows));
    }
    return JsonText.object().add("guardian", share.guardian()).add("contests", contests).build();
  }

  /** The shares of {@code mix_decryption.json}. */
  public static List<MixDecryptionShare> decode(Fields f) {
    f.only(Set.of("shares"));
    return f.objects("shares", 0, CeremonyJson.MAX_GUARDIANS, MixDecryptionJson::decodeShare);
  }

  public static MixDecryptionShare decodeShare(Fields f) {
    f.only(Set.of("guardian", "contests"));
    List<MixDecryptionShare.Contest> contests = f.objects("contests", 0, TallyJson.MAX_ITEMS, c -> {
      c.only(Set.of("contest_id", "rows"));
      return new MixDecryptionShare.Contest(c.id("contest_id"), c.list("rows", 1, MAX_ROWS,
          (row, path) -> objects(row, path, MAX_WIDTH, p -> {
            p.only(Set.of("m", "a", "b", "v"));
            return new MixDecryptionShare.Partial(p.element("m"), new MixDecryptionProof(p.element("a"),
                p.element("b"), p.scalar("v")));
          })));
    });
    return f.build(() -> new MixDecryptionShare(f.smallInt("guardian", 1, CeremonyJson.MAX_GUARDIANS), contests));
  }

  /** The objects of a JSON array value at {@code path}: 1 … {@code max} of them. */
  static <T> List<T> objects(JsonValue value, String path, int max, java.util.function.Function<Fields, T> decode) {
    if (value.getValueType() != JsonValue.ValueType.ARRAY) {
      throw new InvalidFieldException(path, "expected an array");
    }
    JsonArray a = value.asJsonArray();
    if (a.isEmpty() || a.size() > max) {
      throw new InvalidFieldException(path, "must have between 1 and " + max + " elements, got " + a.size());
    }
    List<T> out = new java.util.ArrayList<>(a.size());
    for (int i = 0; i < a.size(); i++) {
      out.add(decode.apply(Fields.of(a.get(i), path + "[" + i + "]")));
    }
    return out;
  }
}
