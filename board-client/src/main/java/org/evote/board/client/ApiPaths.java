package org.evote.board.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.evote.crypto.board.EntryKind;

/**
 * The paths of the bulletin board's HTTP API (docs/api.md), in one place: the server registers its routes with
 * these constants and every client builds its requests from them. A path with a {@code {name}} part is a route
 * pattern; the static methods fill it in (and add query parameters) for a request.
 */
public final class ApiPaths {
  private ApiPaths() {}

  // ---- public reads ----

  /**
   * {@code GET}: the latest C2SP checkpoint (protocol §9.8), a signed note in {@code text/plain}, with every witness
   * cosignature collected so far (c2sp.org/tlog-checkpoint, c2sp.org/tlog-cosignature).
   */
  public static final String CHECKPOINT = "/checkpoint";
  /** {@code GET}: the election, its extended hash H_E, the board's public key and its checkpoint key. */
  public static final String ELECTION = "/api/election";
  /** {@code GET}: the polls, the ballot counts and the latest signed head. */
  public static final String STATUS = "/api/status";
  /** {@code GET ?from&limit}: a page of board entries. */
  public static final String BOARD = "/api/board";
  /** {@code GET}: the latest signed head. */
  public static final String HEAD = "/api/board/head";
  /** {@code GET ?seq&size}: an RFC 9162 inclusion proof. */
  public static final String INCLUSION_PROOF = "/api/board/proof/inclusion";
  /** {@code GET ?from&to}: an RFC 9162 consistency proof. */
  public static final String CONSISTENCY_PROOF = "/api/board/proof/consistency";
  /** {@code GET}: the whole board as one board file (docs/protocol.md §10.2). */
  public static final String EXPORT = "/api/board/export";
  /** {@code GET}: the receipt of a ballot, by tracking or confirmation code (route pattern). */
  public static final String RECEIPT = "/api/receipts/{code}";
  /** {@code GET ?from&limit}: challenged ballots with their disclosed choices. */
  public static final String CHALLENGED = "/api/challenged";
  /** {@code GET ?from&limit}: the refused ballots the board recorded (protocol §9.6), with their reasons. */
  public static final String REFUSED = "/api/refused";
  /** {@code GET ?lang}: the manifest's display names in a reader's language (protocol §5.1), for the observer page. */
  public static final String NAMES = "/api/names";

  // ---- kiosk submissions ----

  /** {@code POST}: a cast ballot. */
  public static final String CAST_BALLOTS = "/api/ballots";
  /** {@code POST}: a challenged ballot. */
  public static final String CHALLENGED_BALLOTS = "/api/ballots/challenged";

  // ---- administrators (signed requests) ----

  /** {@code POST}: posts {@code polls_opened}. */
  public static final String OPEN_POLLS = "/api/admin/polls/open";
  /** {@code POST}: posts {@code polls_closed}. */
  public static final String CLOSE_POLLS = "/api/admin/polls/close";
  /** {@code POST {"kiosk_id", "public_key"}}: posts {@code kiosk_registered}. */
  public static final String KIOSKS = "/api/admin/kiosks";
  /** {@code POST {"reason"}?}: posts {@code kiosk_revoked} (route pattern). */
  public static final String REVOKE_KIOSK = "/api/admin/kiosks/{id}/revoke";
  /** {@code POST {"tally_hash", "shares_hash", "result_hash"}}: posts {@code tally_published}. */
  public static final String TALLY = "/api/admin/tally";

  /**
   * Every administrator request carries these four headers (docs/api.md, "Administrators"): who signs, when, a
   * fresh nonce, and the Ed25519 signature over {@link org.evote.crypto.board.AdminRequests#message}.
   */
  public static final String ADMIN = "Evote-Admin";
  /** The request's time, Unix seconds (within a minute of the board's clock). */
  public static final String ADMIN_TIME = "Evote-Time";
  /** A fresh nonce, 32 lowercase hex characters (the board accepts each once). */
  public static final String ADMIN_NONCE = "Evote-Nonce";
  /** The administrator key's Ed25519 signature over the request, 128 lowercase hex characters. */
  public static final String ADMIN_SIGNATURE = "Evote-Admin-Signature";
  /** The standard header that once carried a bearer token; the board refuses a request with only it. */
  public static final String AUTHORIZATION = "Authorization";

  /**
   * A submission's header with the election's extended hash H_E (64 hex): the election the kiosk signed for; a
   * board of another election refuses it ({@code wrong_election}) before it reads the body.
   */
  public static final String ELECTION_HEADER = "Evote-Election";
  /** A submission's header with the submitting kiosk's id: the key the board checks the signature with. */
  public static final String KIOSK_HEADER = "Evote-Kiosk";
  /**
   * A submission's header with the kiosk's Ed25519 signature (128 hex) over H(KIOSK_SUBMISSION; H_E, kind, the body's
   * bytes) (protocol §9.5), checked before the body is parsed.
   */
  public static final String SIGNATURE_HEADER = "Evote-Signature";

  /** The submission path for a ballot of this kind: {@link #CAST_BALLOTS} or {@link #CHALLENGED_BALLOTS}. */
  public static String submission(EntryKind kind) {
    return switch (kind) {
      case BALLOT_CAST -> CAST_BALLOTS;
      case BALLOT_CHALLENGED -> CHALLENGED_BALLOTS;
      default -> throw new IllegalArgumentException("kiosks submit only cast and challenged ballots, not " + kind);
    };
  }

  /** {@link #RECEIPT} for a tracking or confirmation code (encoded as one path segment). */
  public static String receipt(String code) {
    return RECEIPT.replace("{code}", segment(code));
  }

  /** {@link #REVOKE_KIOSK} for a kiosk id (encoded as one path segment). */
  public static String revokeKiosk(String kioskId) {
    return REVOKE_KIOSK.replace("{id}", segment(kioskId));
  }

  /** {@link #BOARD} for the page of at most {@code limit} entries from sequence number {@code from}. */
  public static String page(long from, int limit) {
    return BOARD + "?from=" + from + "&limit=" + limit;
  }

  /** {@link #INCLUSION_PROOF} of entry {@code seq} in the tree of {@code size} entries. */
  public static String inclusionProof(long seq, long size) {
    return INCLUSION_PROOF + "?seq=" + seq + "&size=" + size;
  }

  /** {@link #INCLUSION_PROOF} of entry {@code seq} in the tree of the latest signed head. */
  public static String inclusionProof(long seq) {
    return INCLUSION_PROOF + "?seq=" + seq;
  }

  /** {@link #CONSISTENCY_PROOF} from the tree of {@code from} entries to that of {@code to}. */
  public static String consistencyProof(long from, long to) {
    return CONSISTENCY_PROOF + "?from=" + from + "&to=" + to;
  }

  /** {@link #REFUSED} from board sequence number {@code from}, at most {@code limit}. */
  public static String refused(long from, int limit) {
    return REFUSED + "?from=" + from + "&limit=" + limit;
  }

  /** {@link #CHALLENGED} from board sequence number {@code from}, at most {@code limit}. */
  public static String challenged(long from, int limit) {
    return CHALLENGED + "?from=" + from + "&limit=" + limit;
  }

  private static String segment(String s) {
    if (s.isEmpty()) {
      throw new IllegalArgumentException("an empty path segment");
    }
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
