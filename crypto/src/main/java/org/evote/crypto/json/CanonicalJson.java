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
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private CanonicalJson() {}

  /**
   * The canonical text of {@code value}; rejects non-integral or out-of-range numbers and unpaired surrogates,
   * naming the path. Linear in the size of the value: the path of a rejected value is put together only as the
   * error unwinds, never for the values that pass.
   */
  public static String write(JsonValue value) {
    StringBuilder out = new StringBuilder();
    try {
      write(value, out);
    } catch (Rejected r) {
      throw new InvalidFieldException(r.path(), r.reason);
    }
    return out.toString();
  }

  /** A rejection on its way out; each enclosing array or object adds its step, innermost first. */
  private static final class Rejected extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** Member names longer than this are shortened in the path (a hostile name must not fill the message). */
    private static final int MAX_NAME_IN_PATH = 64;
    private final String reason;
    private final transient List<String> steps = new ArrayList<>();

    Rejected(String reason) {
      super(reason, null, false, false);
      this.reason = reason;
    }

    Rejected index(int i) {
      steps.add("[" + i + "]");
      return this;
    }

    Rejected member(String name) {
      steps.add("." + (name.length() > MAX_NAME_IN_PATH ? name.substring(0, MAX_NAME_IN_PATH) + "…" : name));
      return this;
    }

    String path() {
      StringBuilder p = new StringBuilder("$");
      for (int i = steps.size() - 1; i >= 0; i--) {
        p.append(steps.get(i));
      }
      return p.toString();
    }
  }

  private static void write(JsonValue v, StringBuilder out) {
    switch (v.getValueType()) {
      case NULL -> out.append("null");
      case TRUE -> out.append("true");
      case FALSE -> out.append("false");
      case STRING -> string(((JsonString) v).getString(), out);
      case NUMBER -> out.append(integer((JsonNumber) v));
      case ARRAY -> {
        out.append('[');
        JsonArray a = (JsonArray) v;
        for (int i = 0; i < a.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          try {
            write(a.get(i), out);
          } catch (Rejected r) {
            throw r.index(i);
          }
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
          try {
            string(k, out);
          } catch (Rejected r) {
            throw new Rejected("member name " + r.reason).member(k);
          }
          out.append(':');
          try {
            write(o.get(k), out);
          } catch (Rejected r) {
            throw r.member(k);
          }
        }
        out.append('}');
      }
      default -> throw new Rejected("unsupported JSON value");
    }
  }

  private static long integer(JsonNumber n) {
    if (n.isIntegral()) { // spelled without fraction or exponent: the common case, no BigDecimal arithmetic
      try {
        long l = n.longValueExact();
        if (Math.abs(l) > MAX_SAFE_INTEGER) {
          throw new Rejected("integer beyond ±(2^53 − 1)");
        }
        return l;
      } catch (ArithmeticException e) {
        throw new Rejected("integer out of range");
      }
    }
    if (!isPlainInteger(n)) {
      throw new Rejected("numbers must be integers");
    }
    long l;
    try {
      l = n.bigDecimalValue().longValueExact();
    } catch (ArithmeticException e) {
      throw new Rejected("integer out of range");
    }
    if (Math.abs(l) > MAX_SAFE_INTEGER) {
      throw new Rejected("integer beyond ±(2^53 − 1)");
    }
    return l;
  }

  /**
   * True if the number's value is an integer (however it is spelled: 10, 1E1 and 10.0 are all ten, hashed as
   * "10" as RFC 8785 prescribes). Producers write plain integers; protocol §10.1.
   */
  static boolean isPlainInteger(JsonNumber n) {
    java.math.BigDecimal d = n.bigDecimalValue();
    return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
  }

  /** Appends {@code s} as a JSON string; an unpaired surrogate is {@link Rejected} (the caller adds the path). */
  private static void string(String s, StringBuilder out) {
    out.append('"');
    int plain = plainPrefix(s);
    out.append(s, 0, plain); // the common case (ids, hex, base64url) is the whole string, appended at once
    for (int i = plain; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          out.append(c).append(s.charAt(++i));
          continue;
        }
        throw new Rejected("string contains an unpaired UTF-16 surrogate (not valid Unicode)");
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
            out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** The length of the longest prefix of {@code s} that is written as itself (no escape, no surrogate). */
  private static int plainPrefix(String s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c)) {
        return i;
      }
    }
    return n;
  }
}
