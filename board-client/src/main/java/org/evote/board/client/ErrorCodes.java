package org.evote.board.client;

/**
 * The board's stable error codes (docs/api.md), for programs to decide by — never by the message text.
 * {@link ApiError#is} compares against these.
 */
public final class ErrorCodes {
  private ErrorCodes() {}

  // ---- any request ----
  public static final String NOT_FOUND = "not_found";
  public static final String MISSING_PARAMETER = "missing_parameter";
  public static final String INVALID_PARAMETER = "invalid_parameter";
  public static final String INTERNAL_ERROR = "internal_error";
  /** Another HTTP-level refusal (method not allowed, unsupported media type, …). */
  public static final String HTTP_ERROR = "http_error";
  /** The request could not be parsed as HTTP. */
  public static final String BAD_REQUEST = "bad_request";
  public static final String HEADERS_TOO_LARGE = "headers_too_large";

  // ---- reads ----
  /** The board has no signed head yet. */
  public static final String NO_HEAD = "no_head";
  public static final String INVALID_CODE = "invalid_code";
  /** Two ballots share the short tracking code: look it up with the full confirmation code. */
  public static final String AMBIGUOUS_CODE = "ambiguous_code";

  // ---- submissions (the acceptance rules) ----
  public static final String BODY_TOO_LARGE = "body_too_large";
  /** 408: the body arrived slower than the board's minimum rate and was cut off (docs/api.md, "Limits"). */
  public static final String BODY_TOO_SLOW = "body_too_slow";
  /** 400: the body ended before its announced length (the client went away). */
  public static final String BODY_INCOMPLETE = "body_incomplete";
  /** 429: too many requests from this client now (a rate limit in front of the board); retry later. */
  public static final String TOO_MANY_REQUESTS = "too_many_requests";
  public static final String MALFORMED_JSON = "malformed_json";
  /** The signed body is JSON but not in canonical form (protocol §2.5): the message says where it differs. */
  public static final String NOT_CANONICAL = "not_canonical";
  public static final String INVALID_FIELD = "invalid_field";
  public static final String WRONG_ELECTION = "wrong_election";
  public static final String UNKNOWN_KIOSK = "unknown_kiosk";
  public static final String REVOKED_KIOSK = "revoked_kiosk";
  public static final String BAD_SIGNATURE = "bad_signature";
  public static final String UNKNOWN_STYLE = "unknown_style";
  public static final String INVALID_BALLOT = "invalid_ballot";
  public static final String CHALLENGE_MISMATCH = "challenge_mismatch";
  public static final String POLLS_NOT_OPEN = "polls_not_open";
  /** The ballot id is not in its kiosk's namespace ({@code <kiosk_id>-<suffix>}); a recorded refusal. */
  public static final String BALLOT_ID_NAMESPACE = "ballot_id_namespace";
  public static final String DUPLICATE_BALLOT_ID = "duplicate_ballot_id";
  public static final String DUPLICATE_CIPHERTEXT = "duplicate_ciphertext";
  public static final String CHAIN_BROKEN = "chain_broken";
  public static final String CHAIN_TIME = "chain_time";
  public static final String FUTURE_BALLOT = "future_ballot";
  public static final String REQUEST_ID_REUSED = "request_id_reused";
  /** The database refused the write as repeating something unique (a check the rules missed). */
  public static final String DUPLICATE = "duplicate";
  /** 503: not known to be stored; retry the same request later. */
  public static final String BOARD_BUSY = "board_busy";
  /** 503: the board stopped accepting writes (e.g. its disk is full); retry the same request later. */
  public static final String BOARD_UNAVAILABLE = "board_unavailable";
  /**
   * 503: the board stopped accepting writes because a witness holds a checkpoint of this board beyond (or beside)
   * its history — it was rolled back or forked (protocol §9.8); retry once the operators have resolved it.
   */
  public static final String BOARD_FORKED = "board_forked";

  /**
   * The codes of a 400 answer that is about how the request's body travelled, not about what it says: the board
   * received an incomplete body ({@code BodyLoader}: the connection broke or stalled mid-body). On a submission such
   * an answer — like any 408 ({@link #BODY_TOO_SLOW}), 429, 431 ({@link #HEADERS_TOO_LARGE}) or 5xx
   * ({@link #BOARD_BUSY}…) — is {@link BoardUnavailableException}: the same signed request is retried
   * (docs/api.md, "Limits"), never taken as a refusal.
   */
  public static final java.util.Set<String> INCOMPLETE_BODY = java.util.Set.of(BODY_INCOMPLETE, BAD_REQUEST);

  /** The HTTP statuses that are about the transport on any request: 408 (too slow), 429 (too many). */
  public static final java.util.Set<Integer> TRANSPORT_STATUSES = java.util.Set.of(408, 429);

  /** The HTTP statuses that are about the transport on a submission, whatever their code: 408, 429, 431. */
  public static final java.util.Set<Integer> SUBMISSION_TRANSPORT_STATUSES = java.util.Set.of(408, 429, 431);

  // ---- administrators ----
  // Authentication (docs/api.md, "Administrators"): 401 when the request does not carry a signature the board
  // can check, 403 when the board checked it and refuses it, 503 when it cannot remember another nonce now.
  /** 401: one of the four administrator headers is missing (a bearer token alone is not accepted). */
  public static final String ADMIN_HEADER_MISSING = "admin_header_missing";
  /** 401: an administrator header is malformed (the message names it and says why). */
  public static final String ADMIN_HEADER_INVALID = "admin_header_invalid";
  /** 403: {@code Evote-Time} is more than a minute from the board's clock. */
  public static final String ADMIN_TIME_SKEW = "admin_time_skew";
  /** 403: {@code Evote-Nonce} was already used within the time window: a replayed request. */
  public static final String ADMIN_NONCE_REPLAYED = "admin_nonce_replayed";
  /** 403: {@code Evote-Admin} names no administrator registered on this board. */
  public static final String ADMIN_UNKNOWN = "admin_unknown";
  /** 403: {@code Evote-Admin-Signature} does not verify over this request under the administrator's key. */
  public static final String ADMIN_BAD_SIGNATURE = "admin_bad_signature";
  /** 503: the board holds as many recent nonces as it keeps; retry shortly (with a new nonce). */
  public static final String ADMIN_BUSY = "admin_busy";
  /** The tally is already published (it is published once). */
  public static final String TALLY_PUBLISHED = "tally_published";
  /** The polls are not in the state the action needs (already open, not yet closed…). */
  public static final String POLLS_STATE = "polls_state";
  public static final String KIOSK_EXISTS = "kiosk_exists";
  /** The kiosk is already revoked. */
  public static final String KIOSK_REVOKED = "kiosk_revoked";

  // ---- board rules an honest board never breaks itself (protocol §9.6) ----
  public static final String ENTRY_TIME = "entry_time";
  public static final String ELECTION_FIRST = "election_first";
  public static final String CHAINS_NOT_CLOSED = "chains_not_closed";
  /** A ballot_refused entry refuses a ballot that breaks nothing its reason names (V12). */
  public static final String REFUSAL_UNJUSTIFIED = "refusal_unjustified";
}
