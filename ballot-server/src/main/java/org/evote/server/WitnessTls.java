package org.evote.server;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.keystore.TlsFingerprint;

/** {@code serve --witness-tls NAME=FINGERPRINT}: the pinned TLS certificates of witnesses, by witness name. */
final class WitnessTls {
  private WitnessTls() {}

  /** The options as a map; each name once. */
  static Map<String, TlsFingerprint> parse(List<String> options) {
    Map<String, TlsFingerprint> pins = new HashMap<>();
    for (String o : options) {
      int eq = o.lastIndexOf('=');
      if (eq <= 0) {
        throw new InvalidFieldException(o, "is not NAME=FINGERPRINT");
      }
      String name = o.substring(0, eq);
      if (pins.put(name, TlsFingerprint.parse(o.substring(eq + 1), name)) != null) {
        throw new InvalidFieldException(name, "its fingerprint is given twice");
      }
    }
    return pins;
  }
}
