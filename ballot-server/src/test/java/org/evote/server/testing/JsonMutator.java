package org.evote.server.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Hostile variations of a valid JSON document for fuzzing decoders: structure-aware changes deep in the tree (a
 * member removed, added or retyped; a hex string off by one character or one length; numbers at the edges; arrays
 * emptied, shortened, repeated or reordered) and byte-level damage (truncation, junk, duplicate keys, deep nesting).
 * Deterministic for a given {@link Random}, so a failing case is reproduced from its seed.
 */
public final class JsonMutator {
  private final Random random;

  public JsonMutator(Random random) {
    this.random = random;
  }

  /** Applies {@code count} mutations; the result is usually, but not always, still JSON. */
  public String mutate(JsonObject document, int count) {
    JsonValue v = document;
    for (int i = 0; i < count - 1; i++) {
      v = mutateTree(v, 0);
    }
    if (random.nextInt(5) == 0) {
      return mutateText(v.toString());
    }
    return mutateTree(v, 0).toString();
  }

  private JsonValue mutateTree(JsonValue v, int depth) {
    switch (v.getValueType()) {
      case OBJECT -> {
        JsonObject o = v.asJsonObject();
        if (o.isEmpty() || random.nextInt(4) == 0) {
          return mutateObjectHere(o);
        }
        List<String> keys = new ArrayList<>(o.keySet());
        String k = keys.get(random.nextInt(keys.size()));
        return Json.createObjectBuilder(o).add(k, mutateTree(o.get(k), depth + 1)).build();
      }
      case ARRAY -> {
        JsonArray a = v.asJsonArray();
        if (a.isEmpty() || random.nextInt(4) == 0) {
          return mutateArrayHere(a);
        }
        int i = random.nextInt(a.size());
        JsonArrayBuilder b = Json.createArrayBuilder();
        for (int j = 0; j < a.size(); j++) {
          b.add(j == i ? mutateTree(a.get(j), depth + 1) : a.get(j));
        }
        return b.build();
      }
      default -> {
        return mutateScalar(v);
      }
    }
  }

  private JsonValue mutateObjectHere(JsonObject o) {
    List<String> keys = new ArrayList<>(o.keySet());
    JsonObjectBuilder b = Json.createObjectBuilder(o);
    switch (random.nextInt(4)) {
      case 0 -> {
        if (!keys.isEmpty()) {
          b.remove(keys.get(random.nextInt(keys.size())));
        }
      }
      case 1 -> b.add(random.nextBoolean() ? "unexpected" : "__proto__", randomValue());
      case 2 -> {
        if (!keys.isEmpty()) {
          b.add(keys.get(random.nextInt(keys.size())), randomValue());
        }
      }
      default -> {
        if (keys.size() >= 2) {
          String a = keys.get(random.nextInt(keys.size()));
          String c = keys.get(random.nextInt(keys.size()));
          b.add(a, o.get(c)).add(c, o.get(a));
        }
      }
    }
    return b.build();
  }

  private JsonValue mutateArrayHere(JsonArray a) {
    List<JsonValue> items = new ArrayList<>(a);
    switch (random.nextInt(5)) {
      case 0 -> items.clear();
      case 1 -> {
        if (!items.isEmpty()) {
          items.remove(random.nextInt(items.size()));
        }
      }
      case 2 -> {
        if (!items.isEmpty()) {
          items.add(items.get(random.nextInt(items.size())));
        }
      }
      case 3 -> java.util.Collections.reverse(items);
      default -> items.add(randomValue());
    }
    JsonArrayBuilder b = Json.createArrayBuilder();
    items.forEach(b::add);
    return b.build();
  }

  private JsonValue mutateScalar(JsonValue v) {
    if (v instanceof JsonString s && random.nextBoolean()) {
      String text = s.getString();
      StringBuilder t = new StringBuilder(text);
      switch (random.nextInt(5)) {
        case 0 -> {
          if (!text.isEmpty()) {
            int i = random.nextInt(text.length());
            t.setCharAt(i, "0123456789abcdefABCDEF-zé\u0000".charAt(random.nextInt(25)));
          }
        }
        case 1 -> t.append(random.nextBoolean() ? "0" : "00");
        case 2 -> {
          if (!text.isEmpty()) {
            t.setLength(text.length() - 1);
          }
        }
        case 3 -> t.insert(0, random.nextBoolean() ? "02" : "04");
        default -> t.setLength(0);
      }
      return Json.createValue(t.toString());
    }
    return randomValue();
  }

  private JsonValue randomValue() {
    return switch (random.nextInt(14)) {
      case 0 -> JsonValue.NULL;
      case 1 -> JsonValue.TRUE;
      case 2 -> Json.createValue(0);
      case 3 -> Json.createValue(-1);
      case 4 -> Json.createValue(Long.MAX_VALUE);
      case 5 -> Json.createValue(new java.math.BigDecimal("1e400"));
      case 6 -> Json.createValue(1.5);
      case 7 -> Json.createValue("");
      case 8 -> Json.createValue(hex(64));
      case 9 -> Json.createValue(random.nextBoolean() ? "02" + hex(64) : "B" + base64url(86));
      case 10 -> Json.createValue("x".repeat(20_000));
      case 11 -> Json.createArrayBuilder().add(Json.createArrayBuilder().add(Json.createArrayBuilder())).build();
      case 12 -> Json.createObjectBuilder().add("alpha", "B" + base64url(86)).add("beta", base64url(87)).build();
      default -> Json.createValue("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff");
    };
  }

  private String base64url(int length) {
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".charAt(random.nextInt(64)));
    }
    return b.toString();
  }

  private String hex(int length) {
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append("0123456789abcdef".charAt(random.nextInt(16)));
    }
    return b.toString();
  }

  private String mutateText(String text) {
    StringBuilder t = new StringBuilder(text);
    int i = text.isEmpty() ? 0 : random.nextInt(text.length());
    switch (random.nextInt(6)) {
      case 0 -> t.setLength(i);
      case 1 -> t.insert(i, "\",}]{[:\\\u0000\uD800".charAt(random.nextInt(10)));
      case 2 -> t.delete(i, Math.min(text.length(), i + 1 + random.nextInt(40)));
      case 3 -> t.replace(0, 1, "{\"request_id\":\"dup\",");
      case 4 -> t.insert(0, "[".repeat(5_000));
      default -> t.append(" trailing");
    }
    return t.toString();
  }
}
