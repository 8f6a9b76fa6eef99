package org.evote.crypto.notice;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.board.BoardOrigin;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.manifest.Ids;
import org.evote.crypto.note.VerifierKey;
import org.evote.crypto.note.WitnessPolicy;

/**
 * The election notice (protocol §10.3, §12): what the officials publish before the polls open, so that anyone can
 * check later that the board, its kiosks and its witnesses are the ones announced — the election's extended hash
 * H_E, the board's head-signing key and checkpoint key, the witnesses that must cosign the board's checkpoints with
 * their quorum, and every kiosk registered on the board with its key. Made by the tools from the board
 * ({@code tally notice}), never typed by hand; {@link NoticeJson} is its file format.
 */
public record ElectionNotice(Digest extendedHash, Ed25519.PublicKey boardKey, VerifierKey checkpointKey,
    List<Witness> witnesses, int witnessQuorum, List<Kiosk> kiosks) {
  /** The most witnesses a notice lists (a checkpoint carries at most {@code SignedNote.MAX_SIGNATURES} lines). */
  public static final int MAX_WITNESSES = 32;
  /** The most kiosks a notice lists. */
  public static final int MAX_KIOSKS = 100_000;

  /** A witness: where the board submits its checkpoints, and the key its cosignatures verify under. */
  public record Witness(URI url, VerifierKey key) {
    /** The longest URL accepted. */
    public static final int MAX_URL = 2048;

    public Witness {
      if (url == null) {
        throw new InvalidFieldException("url", "missing");
      }
      requireWitnessUrl(url.toString(), "url");
      if (key == null) {
        throw new InvalidFieldException("vkey", "missing");
      }
      if (!key.type().isCosignature()) {
        throw new InvalidFieldException("vkey", "a witness key is a cosignature key (signature type 0x04 or 0x06)");
      }
    }

    /**
     * Parses {@code URL=VKEY}, as officials give a witness on the command line ({@code tally notice --witness},
     * {@code serve --witness}): the URL ends at the first {@code =} (a witness URL has no query), naming
     * {@code field} on failure.
     */
    public static Witness parse(String spec, String field) {
      int eq = spec == null ? -1 : spec.indexOf('=');
      if (eq <= 0 || eq == spec.length() - 1) {
        throw new InvalidFieldException(field, "a witness is URL=VKEY");
      }
      return new Witness(parseUrl(spec.substring(0, eq), field), VerifierKey.parse(spec.substring(eq + 1), field));
    }

    /** Parses {@code url}, naming {@code field}: an absolute http or https URL without user info or fragment. */
    public static URI parseUrl(String url, String field) {
      requireWitnessUrl(url, field);
      return URI.create(url);
    }

    private static void requireWitnessUrl(String url, String field) {
      if (url == null || url.isEmpty() || url.length() > MAX_URL) {
        throw new InvalidFieldException(field, "a URL of 1 to " + MAX_URL + " characters");
      }
      URI u;
      try {
        u = new URI(url);
      } catch (URISyntaxException e) {
        throw new InvalidFieldException(field, "not a URL: " + e.getReason());
      }
      if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null
          || u.getRawUserInfo() != null || u.getRawFragment() != null || u.getRawQuery() != null) {
        throw new InvalidFieldException(field, "an absolute http or https URL with a host, without user, query or "
            + "fragment");
      }
    }
  }

  /** A kiosk registered on the board ({@code kiosk_registered}, §9.1) and the key its submissions are signed with. */
  public record Kiosk(String kioskId, Ed25519.PublicKey publicKey) {
    public Kiosk {
      if (!Ids.isValid(kioskId)) {
        throw new InvalidFieldException("kiosk_id", "identifier must be 1-256 printable ASCII characters without "
            + "spaces");
      }
      if (publicKey == null) {
        throw new InvalidFieldException("public_key", "missing");
      }
    }
  }

  public ElectionNotice {
    if (extendedHash == null) {
      throw new InvalidFieldException("extended_hash", "missing");
    }
    if (boardKey == null) {
      throw new InvalidFieldException("board_public_key", "missing");
    }
    BoardOrigin.ofCheckpointKey(checkpointKey, extendedHash, "checkpoint_key");
    witnesses = List.copyOf(witnesses);
    kiosks = List.copyOf(kiosks);
    if (witnesses.size() > MAX_WITNESSES) {
      throw new InvalidFieldException("witnesses", "at most " + MAX_WITNESSES + " witnesses");
    }
    Set<VerifierKey> keys = new HashSet<>();
    Set<String> names = new HashSet<>();
    Set<URI> urls = new HashSet<>();
    for (int i = 0; i < witnesses.size(); i++) {
      Witness w = witnesses.get(i);
      if (!keys.add(w.key()) || !names.add(w.key().name())) {
        throw new InvalidFieldException("witnesses[" + i + "].vkey", "a witness key or key name listed twice");
      }
      if (!urls.add(w.url())) {
        throw new InvalidFieldException("witnesses[" + i + "].url", "a witness URL listed twice");
      }
    }
    if (witnessQuorum < 0 || witnessQuorum > witnesses.size()) {
      throw new InvalidFieldException("witness_quorum", "must be between 0 and the number of witnesses ("
          + witnesses.size() + "), got " + witnessQuorum);
    }
    if (kiosks.size() > MAX_KIOSKS) {
      throw new InvalidFieldException("kiosks", "at most " + MAX_KIOSKS + " kiosks");
    }
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < kiosks.size(); i++) {
      if (!ids.add(kiosks.get(i).kioskId())) {
        throw new InvalidFieldException("kiosks[" + i + "].kiosk_id", "kiosk " + kiosks.get(i).kioskId()
            + " listed twice");
      }
    }
  }

  /** Who must have signed the board's checkpoints: its checkpoint key and {@link #witnessQuorum} of the witnesses. */
  public WitnessPolicy witnessPolicy() {
    return new WitnessPolicy(checkpointKey, witnesses.stream().map(Witness::key).toList(), witnessQuorum);
  }
}
