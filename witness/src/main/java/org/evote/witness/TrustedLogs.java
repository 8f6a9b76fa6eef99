package org.evote.witness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.note.SignatureType;
import org.evote.crypto.note.VerifierKey;

/**
 * The logs a witness trusts (c2sp.org/tlog-witness): each log's origin is the key name of its Ed25519 note key
 * (type 0x01), as for the board (protocol §9.8). Several keys of one origin may be trusted (a key rotation); a
 * checkpoint needs a valid signature from at least one of them.
 */
public record TrustedLogs(Map<String, List<VerifierKey>> byOrigin) {
  public TrustedLogs {
    Map<String, List<VerifierKey>> copy = new LinkedHashMap<>();
    byOrigin.forEach((origin, keys) -> copy.put(origin, List.copyOf(keys)));
    byOrigin = java.util.Collections.unmodifiableMap(copy);
    if (byOrigin.isEmpty()) {
      throw new InvalidFieldException("log", "a witness trusts at least one log");
    }
    byOrigin.forEach((origin, keys) -> {
      for (VerifierKey k : keys) {
        if (k.type() != SignatureType.ED25519 || !k.name().equals(origin)) {
          throw new InvalidFieldException("log", "a log key is an Ed25519 note key (type 0x01) named after its origin");
        }
      }
    });
  }

  /** Parses the vkeys given with {@code --log}, naming the one that is refused. */
  public static TrustedLogs parse(List<String> vkeys) {
    Map<String, List<VerifierKey>> m = new LinkedHashMap<>();
    for (int i = 0; i < vkeys.size(); i++) {
      String field = "log[" + i + "]";
      VerifierKey k = VerifierKey.parse(vkeys.get(i), field);
      if (k.type() != SignatureType.ED25519) {
        throw new InvalidFieldException(field, "a log's key is an Ed25519 note key (signature type 0x01), not 0x"
            + String.format("%02x", k.type().id()));
      }
      if (k.name().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 255) {
        throw new InvalidFieldException(field, "a log's origin has at most 255 bytes (c2sp.org/tlog-cosignature)");
      }
      List<VerifierKey> keys = m.computeIfAbsent(k.name(), o -> new ArrayList<>());
      if (keys.contains(k)) {
        throw new InvalidFieldException(field, "given twice");
      }
      keys.add(k);
    }
    return new TrustedLogs(m);
  }

  /** The keys trusted for {@code origin}, if it is a known log. */
  public Optional<List<VerifierKey>> keys(String origin) {
    return Optional.ofNullable(byOrigin.get(origin));
  }
}
