package org.evote.server.witness;

import java.net.URI;
import java.util.Objects;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.note.VerifierKey;

/**
 * A witness the board submits its checkpoints to (protocol §9.8, c2sp.org/tlog-witness): its URL prefix (for both
 * {@code <url>/add-checkpoint} and the monitoring {@code <url>/<hex SHA-256(origin)>/checkpoint}) and its
 * cosignature verifier key.
 */
public record Witness(URI url, VerifierKey key) {
  public Witness {
    Objects.requireNonNull(url, "url");
    if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
      throw new InvalidFieldException("witness.url", "an http:// or https:// URL");
    }
    if (key == null || !key.type().isCosignature()) {
      throw new InvalidFieldException("witness.key", "a witness key is a cosignature verifier key (type 0x04 or 0x06)");
    }
    String s = url.toString();
    url = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
  }

  /** Parses {@code URL=VKEY} (the {@code serve --witness} option). */
  public static Witness parse(String option) {
    int eq = option.indexOf('=');
    if (eq <= 0) {
      throw new InvalidFieldException("--witness",
          "URL=VKEY, e.g. http://witness.example:7380=witness.example+1a2b3c4d+BK…");
    }
    URI url;
    try {
      url = new URI(option.substring(0, eq));
    } catch (java.net.URISyntaxException e) {
      throw new InvalidFieldException("--witness", "not a URL: " + option.substring(0, eq));
    }
    return new Witness(url, VerifierKey.parse(option.substring(eq + 1), "--witness"));
  }

  /** The name the board gives this witness in logs and its status. */
  public String name() {
    return key.name();
  }
}
