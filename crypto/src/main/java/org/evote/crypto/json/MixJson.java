package org.evote.crypto.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.elgamal.Ciphertext;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.Scalar;
import org.evote.crypto.mix.MixRow;
import org.evote.crypto.mix.ShuffleProof;

/**
 * JSON of the mixnet's values (protocol §13.2, §13.3): a list of rows and a proof of shuffle. Decoding checks every
 * array's length against the expected N and w before any point is decoded, so hostile input costs at most linear
 * work in its size; every point is checked on the curve and not the identity, every scalar below q, and every error
 * names the field.
 */
public final class MixJson {
  /** The most rows a list may have. */
  public static final int MAX_ROWS = 10_000_000;
  /** The most ciphertexts a row may have. */
  public static final int MAX_WIDTH = 10_000;

  static final Set<String> PROOF_FIELDS = Set.of("permutation_commitments", "chain", "t1", "t2", "t3", "t4_alpha",
      "t4_beta", "t_hat", "s1", "s2", "s3", "s4", "s_hat", "s_prime");

  private MixJson() {}

  /** A list of rows: an array of rows, each an array of ciphertexts {@code {"alpha", "beta"}}. */
  public static JsonArray encodeRows(List<MixRow> rows) {
    JsonArrayBuilder out = JsonText.array();
    for (MixRow r : rows) {
      JsonArrayBuilder row = JsonText.array();
      for (Ciphertext c : r.ciphertexts()) {
        row.add(BallotJson.encode(c));
      }
      out.add(row);
    }
    return out.build();
  }

  /**
   * Decodes a list of rows at {@code path}: exactly {@code rows} rows of exactly {@code width} ciphertexts each
   * (−1: any number from 1 to {@link #MAX_ROWS} rows, any width from 1 to {@link #MAX_WIDTH} the same for all
   * rows). All lengths are checked before any point is decoded.
   */
  public static List<MixRow> decodeRows(JsonValue value, String path, int rows, int width) {
    JsonArray a = array(value, path);
    checkLength(a, path, rows, 1, MAX_ROWS);
    int w = width;
    for (int i = 0; i < a.size(); i++) {
      String p = path + "[" + i + "]";
      JsonArray row = array(a.get(i), p);
      if (w < 0) {
        checkLength(row, p, -1, 1, MAX_WIDTH);
        w = row.size();
      } else {
        checkLength(row, p, w, 1, MAX_WIDTH);
      }
    }
    List<MixRow> out = new ArrayList<>(a.size());
    for (int i = 0; i < a.size(); i++) {
      JsonArray row = a.getJsonArray(i);
      List<Ciphertext> cs = new ArrayList<>(row.size());
      for (int j = 0; j < row.size(); j++) {
        cs.add(BallotJson.decodeCiphertext(Fields.of(row.get(j), path + "[" + i + "][" + j + "]")));
      }
      out.add(new MixRow(cs));
    }
    return out;
  }

  public static JsonObject encode(ShuffleProof p) {
    return JsonText.object()
        .add("permutation_commitments", elements(p.permutationCommitments()))
        .add("chain", elements(p.chain()))
        .add("t1", p.t1().encode()).add("t2", p.t2().encode()).add("t3", p.t3().encode())
        .add("t4_alpha", elements(p.t4Alpha())).add("t4_beta", elements(p.t4Beta()))
        .add("t_hat", elements(p.tHat()))
        .add("s1", p.s1().toHex()).add("s2", p.s2().toHex()).add("s3", p.s3().toHex())
        .add("s4", scalars(p.s4())).add("s_hat", scalars(p.sHat())).add("s_prime", scalars(p.sPrime()))
        .build();
  }

  /**
   * Decodes a proof of shuffle for a statement of {@code rows} rows of width {@code width}: the N-long arrays
   * (permutation_commitments, chain, t_hat, s_hat, s_prime) must have exactly N elements and the w-long ones
   * (t4_alpha, t4_beta, s4) exactly w, checked before any point is decoded.
   */
  public static ShuffleProof decodeProof(Fields f, int rows, int width) {
    if (rows < 1 || width < 1) {
      throw new IllegalArgumentException("a proof of shuffle has N ≥ 1 and w ≥ 1");
    }
    f.only(PROOF_FIELDS);
    for (String name : List.of("permutation_commitments", "chain", "t_hat", "s_hat", "s_prime")) {
      checkLength(f.array(name), f.path(name), rows, 1, MAX_ROWS);
    }
    for (String name : List.of("t4_alpha", "t4_beta", "s4")) {
      checkLength(f.array(name), f.path(name), width, 1, MAX_WIDTH);
    }
    return f.build(() -> new ShuffleProof(elements(f, "permutation_commitments"), elements(f, "chain"),
        f.element("t1"), f.element("t2"), f.element("t3"), elements(f, "t4_alpha"), elements(f, "t4_beta"),
        elements(f, "t_hat"), f.scalar("s1"), f.scalar("s2"), f.scalar("s3"), scalars(f, "s4"), scalars(f, "s_hat"),
        scalars(f, "s_prime")));
  }

  private static JsonArray array(JsonValue v, String path) {
    if (v == null || v.getValueType() != JsonValue.ValueType.ARRAY) {
      throw new InvalidFieldException(path, "expected an array");
    }
    return (JsonArray) v;
  }

  private static void checkLength(JsonArray a, String path, int exactly, int min, int max) {
    if (exactly >= 0 && a.size() != exactly) {
      throw new InvalidFieldException(path, "must have exactly " + exactly + " elements, got " + a.size());
    }
    if (a.size() < min || a.size() > max) {
      throw new InvalidFieldException(path, "must have between " + min + " and " + max + " elements, got "
          + a.size());
    }
  }

  private static JsonArrayBuilder elements(List<Element> es) {
    JsonArrayBuilder b = JsonText.array();
    es.forEach(e -> b.add(e.encode()));
    return b;
  }

  private static JsonArrayBuilder scalars(List<Scalar> ss) {
    JsonArrayBuilder b = JsonText.array();
    ss.forEach(s -> b.add(s.toHex()));
    return b;
  }

  private static List<Element> elements(Fields f, String name) {
    return f.list(name, 1, MAX_ROWS, (v, p) -> Element.decode(string(v, p), p));
  }

  private static List<Scalar> scalars(Fields f, String name) {
    return f.list(name, 1, MAX_ROWS, (v, p) -> Scalar.decode(string(v, p), p));
  }

  private static String string(JsonValue v, String path) {
    if (v.getValueType() != JsonValue.ValueType.STRING) {
      throw new InvalidFieldException(path, "expected a string");
    }
    return ((jakarta.json.JsonString) v).getString();
  }
}
