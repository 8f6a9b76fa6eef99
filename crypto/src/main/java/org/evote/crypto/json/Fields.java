package org.evote.crypto.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.Scalar;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.manifest.Ids;

/**
 * Typed, validating access to the members of one JSON object, remembering the object's path so every error names
 * the exact field ({@code contests[1].selections[0].proof.branches[0].v}) and the reason.
 */
public final class Fields {
  private final JsonObject object;
  private final String path;

  private Fields(JsonObject object, String path) {
    this.object = object;
    this.path = path;
  }

  public static Fields of(JsonObject object) {
    return new Fields(object, "");
  }

  public static Fields of(JsonValue value, String path) {
    if (value == null || value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new InvalidFieldException(path.isEmpty() ? "$" : path, "expected a JSON object");
    }
    return new Fields((JsonObject) value, path);
  }

  public JsonObject json() {
    return object;
  }

  public String path(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  /** Rejects members other than {@code allowed} (our own formats are closed). */
  public Fields only(Set<String> allowed) {
    for (String k : object.keySet()) {
      if (!allowed.contains(k)) {
        throw new InvalidFieldException(path(k), "unknown field");
      }
    }
    return this;
  }

  public boolean has(String name) {
    JsonValue v = object.get(name);
    return v != null && v.getValueType() != JsonValue.ValueType.NULL;
  }

  private JsonValue required(String name) {
    JsonValue v = object.get(name);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      throw new InvalidFieldException(path(name), "missing field");
    }
    return v;
  }

  public String string(String name) {
    JsonValue v = required(name);
    if (v.getValueType() != JsonValue.ValueType.STRING) {
      throw new InvalidFieldException(path(name), "expected a string");
    }
    return ((JsonString) v).getString();
  }

  public Optional<String> optionalString(String name) {
    return has(name) ? Optional.of(string(name)) : Optional.empty();
  }

  /** An object identifier (§1.4). */
  public String id(String name) {
    String s = string(name);
    if (!Ids.isValid(s)) {
      throw new InvalidFieldException(path(name), "identifier must be 1-256 printable ASCII characters without "
          + "spaces");
    }
    return s;
  }

  public long integer(String name) {
    JsonValue v = required(name);
    if (v.getValueType() != JsonValue.ValueType.NUMBER || !CanonicalJson.isPlainInteger((JsonNumber) v)) {
      throw new InvalidFieldException(path(name), "expected an integer");
    }
    try {
      return ((JsonNumber) v).bigDecimalValue().longValueExact();
    } catch (ArithmeticException e) {
      throw new InvalidFieldException(path(name), "integer out of range");
    }
  }

  /** An integer in [min, max]. */
  public long integer(String name, long min, long max) {
    long v = integer(name);
    if (v < min || v > max) {
      throw new InvalidFieldException(path(name), "must be between " + min + " and " + max + ", got " + v);
    }
    return v;
  }

  public int smallInt(String name, int min, int max) {
    return (int) integer(name, min, max);
  }

  public boolean bool(String name, boolean fallback) {
    JsonValue v = object.get(name);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return fallback;
    }
    if (v == JsonValue.TRUE) {
      return true;
    }
    if (v == JsonValue.FALSE) {
      return false;
    }
    throw new InvalidFieldException(path(name), "expected true or false");
  }

  /** A group element; the identity is rejected. */
  public Element element(String name) {
    return Element.decode(string(name), path(name));
  }

  /** A group element that may be the identity ("AA"): only for tally sums and their decryptions. */
  public Element elementOrIdentity(String name) {
    return Element.decodeAllowingIdentity(string(name), path(name));
  }

  public Scalar scalar(String name) {
    return Scalar.decode(string(name), path(name));
  }

  public Digest digest(String name) {
    return Digest.decode(string(name), path(name));
  }

  public Fields object(String name) {
    return Fields.of(required(name), path(name));
  }

  public JsonObject rawObject(String name) {
    JsonValue v = required(name);
    if (v.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new InvalidFieldException(path(name), "expected a JSON object");
    }
    return (JsonObject) v;
  }

  public JsonArray array(String name) {
    JsonValue v = required(name);
    if (v.getValueType() != JsonValue.ValueType.ARRAY) {
      throw new InvalidFieldException(path(name), "expected an array");
    }
    return (JsonArray) v;
  }

  /** Each element of an array member, decoded with its own path; {@code min..max} elements. */
  public <T> List<T> list(String name, int min, int max, BiFunction<JsonValue, String, T> decode) {
    JsonArray a = array(name);
    if (a.size() < min || a.size() > max) {
      throw new InvalidFieldException(path(name), "must have " + (min == max ? "exactly " + min
          : "between " + min + " and " + max) + " elements, got " + a.size());
    }
    List<T> out = new ArrayList<>(a.size());
    for (int i = 0; i < a.size(); i++) {
      out.add(decode.apply(a.get(i), path(name) + "[" + i + "]"));
    }
    return out;
  }

  /** Each element of an array of objects. */
  public <T> List<T> objects(String name, int min, int max, java.util.function.Function<Fields, T> decode) {
    return list(name, min, max, (v, p) -> decode.apply(Fields.of(v, p)));
  }

  /** An array of strings. */
  public List<String> strings(String name, int min, int max) {
    return list(name, min, max, (v, p) -> {
      if (v.getValueType() != JsonValue.ValueType.STRING) {
        throw new InvalidFieldException(p, "expected a string");
      }
      return ((JsonString) v).getString();
    });
  }

  /** Wraps a constructor's IllegalArgumentException as a rejection of this object. */
  public <T> T build(java.util.function.Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException(path.isEmpty() ? "$" : path, e.getMessage());
    }
  }
}
