package org.evote.witness;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.evote.crypto.InvalidFieldException;

/**
 * A witness's name, the key name of both its cosigning keys: a schema-less URL such as
 * {@code witness.example.org/evote1} (c2sp.org/tlog-cosignature, "Format") — a host name, an optional port, and
 * optional path segments; no scheme, spaces, '+' or control characters; at most 255 bytes, as the ML-DSA-44 signed
 * message requires.
 */
public record WitnessName(String value) {
  public static final int MAX_BYTES = 255;
  private static final Pattern URL = Pattern.compile(
      "[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*(:[0-9]{1,5})?"
          + "(/[A-Za-z0-9._~:@!$&'()*,;=-]+)*");

  public WitnessName {
    if (value == null || value.isEmpty()) {
      throw new InvalidFieldException("name", "a witness name must not be empty");
    }
    if (value.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw new InvalidFieldException("name", "a witness name has at most " + MAX_BYTES + " bytes");
    }
    if (value.contains("://")) {
      throw new InvalidFieldException("name", "a witness name is a URL without its scheme, e.g. witness.example.org/w1");
    }
    if (!URL.matcher(value).matches()) {
      throw new InvalidFieldException("name", "a witness name is a schema-less URL: a host name, an optional :port "
          + "and optional /path segments, e.g. witness.example.org/w1");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
