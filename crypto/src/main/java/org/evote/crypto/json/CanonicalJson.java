package org.evote.crypto.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.evote.crypto.InvalidFieldException;

/**
 * RFC 8785 (JSON Canonicalization Scheme) for the JSON this protocol uses (protocol §2.5): members sorted by their
 * names' UTF-16 code units, no white space, strings escaped as ECMAScript's JSON.stringify does, and numbers only
 * as integers of magnitude below 2^53 (every number in the protocol is a count, index, order or time).
 */
public final class CanonicalJson {
  private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

  private CanonicalJson() {}

  /** The canonical text of {@code value}; rejects non-integral or out-of-range numbers, naming the path. */
  public static String write(JsonValue value) {
    StringBuilder out = new StringBuilder();
    write(value, out, "$");
    return out.toString();
  }

  private static void write(JsonValue v, StringBuilder out, String path) {
    switch (v.getValueType()) {
      case NULL -> out.append("null");
      case TRUE -> out.append("true");
      case FALSE -> out.append("false");
      case STRING -> string(((JsonString) v).getString(), out);
      case NUMBER -> {
        JsonNumber n = (JsonNumber) v;
        if (!isPlainInteger(n)) {
          throw new InvalidFieldException(path, "numbers must be integers");
        }
        long l;
        try {
          l = n.bigDecimalValue().longValueExact();
        } catch (ArithmeticException e) {
          throw new InvalidFieldException(path, "integer out of range");
        }
        if (Math.abs(l) > MAX_SAFE_INTEGER) {
          throw new InvalidFieldException(path, "integer beyond ±(2^53 − 1)");
        }
        out.append(l);
      }
      case ARRAY -> {
        out.append('[');
        JsonArray a = (JsonArray) v;
        for (int i = 0; i < a.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          write(a.get(i), out, path + "[" + i + "]");
        }
        out.append(']');
      }
      case OBJECT -> {
        JsonObject o = (JsonObject) v;
        List<String> keys = new ArrayList<>(o.keySet());
        keys.sort(String::compareTo);
        out.append('{');
        boolean first = true;
        for (String k : keys) {
          if (!first) {
            out.append(',');
          }
          first = false;
          string(k, out);
          out.append(':');
          write(o.get(k), out, path + "." + k);
        }
        out.append('}');
      }
      default -> throw new InvalidFieldException(path, "unsupported JSON value");
    }
  }

  /**
   * True if the number's value is an integer (however it is spelled: 10, 1E1 and 10.0 are all ten, hashed as
   * "10" as RFC 8785 prescribes). Producers write plain integers; protocol §10.1.
   */
  static boolean isPlainInteger(JsonNumber n) {
    java.math.BigDecimal d = n.bigDecimalValue();
    return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
  }

  static void string(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          out.append(c).append(s.charAt(++i));
          continue;
        }
        throw new InvalidFieldException("$", "string contains an unpaired UTF-16 surrogate (not valid Unicode)");
      }
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
