package org.evote.board.client;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.evote.crypto.board.ConsistencyProof;
import org.evote.crypto.board.EntryKind;
import org.evote.crypto.board.SignedHead;
import org.evote.crypto.json.BoardJson;
import org.evote.crypto.json.Fields;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.json.SignedSubmission;
import org.evote.crypto.keystore.AdminCredentials;
import org.evote.crypto.keystore.TlsFingerprint;
import org.evote.crypto.note.SignedNote;

/**
 * A client of the bulletin board's HTTP API (docs/api.md), over {@code java.net.http}: the public reads, kiosk
 * submissions and — through {@link #admin} — the administrator actions, with typed answers.
 *
 * <p>Every request ends in exactly one of three ways: the typed answer; {@link BoardRefusedException} — the board
 * refused (4xx) with its error code: the same request cannot succeed; or {@link BoardUnavailableException} — no
 * answer within the timeout, a 5xx, an answer about the transport rather than the request ({@link #transportLevel}:
 * 408, 429, and on a submission 431 or a 400 for an incomplete body), or an unreadable answer: retry the same
 * request later. Thread-safe; one
 * instance can serve many threads.
 */
public final class BoardClient {
  private final URI server;
  private final Duration timeout;
  private final HttpClient http;

  private BoardClient(URI server, Optional<TlsFingerprint> tls, Duration timeout) {
    this.server = Objects.requireNonNull(server, "server");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the request timeout must be positive");
    }
    this.timeout = timeout;
    this.http = PinnedTls.client(server, tls, timeout);
  }

  /**
   * A client of a plain-HTTP board at {@code server} (e.g. {@code http://127.0.0.1:8080}). {@code timeout} limits
   * both connecting and each request's wait for its answer: a board that does not answer in time is
   * {@link BoardUnavailableException unavailable}. An {@code https://} board needs its pin: {@link #create(URI,
   * Optional, Duration)}.
   */
  public static BoardClient create(URI server, Duration timeout) {
    return create(server, Optional.empty(), timeout);
  }

  /**
   * A client of the board at {@code server} that pins its TLS certificate {@code tls} (docs/api.md, "Transport"):
   * over {@code https://} it accepts exactly that certificate; {@code http://} only on loopback ({@link PinnedTls}).
   *
   * @throws IllegalArgumentException if {@code server} cannot be reached under these rules
   */
  public static BoardClient create(URI server, Optional<TlsFingerprint> tls, Duration timeout) {
    return new BoardClient(server, tls, timeout);
  }

  /** The board's base URL. */
  public URI server() {
    return server;
  }

  /** The limit on connecting and on each request's answer. */
  public Duration timeout() {
    return timeout;
  }

  /**
   * The administrator actions, each request signed with this credential's key at the system clock's time and with
   * a fresh nonce from {@code random}.
   */
  public BoardAdmin admin(AdminCredentials credentials, SecureRandom random) {
    return admin(credentials, random, Clock.systemUTC());
  }

  /** {@link #admin(AdminCredentials, SecureRandom)} with the requests' times from {@code clock}. */
  public BoardAdmin admin(AdminCredentials credentials, SecureRandom random, Clock clock) {
    return new BoardAdmin(this, new AdminRequestSigner(credentials, random, clock));
  }

  // ---- public reads ----

  /** {@code GET /api/election}: the election (decoded and checked) and the board's public key. */
  public BoardElection election() throws BoardRefusedException, BoardUnavailableException, InterruptedException {
    return decode(get(ApiPaths.ELECTION), BoardElection::decode);
  }

  /** {@code GET /api/status}. */
  public BoardStatus status() throws BoardRefusedException, BoardUnavailableException, InterruptedException {
    return decode(get(ApiPaths.STATUS), BoardStatus::decode);
  }

  /**
   * {@code GET /checkpoint}: the board's latest checkpoint with the cosignatures it has collected, parsed but not
   * verified (check it with {@link org.evote.crypto.note.WitnessPolicy} or {@link SignedNote#verify}); empty if
   * the board has none. The whole answer must arrive within the timeout and be at most
   * {@link SignedNote#MAX_BYTES} long; a longer one is {@link BoardUnavailableException unreadable}.
   */
  public Optional<SignedNote> checkpoint()
      throws BoardRefusedException, BoardUnavailableException, InterruptedException {
    HttpResponse<byte[]> r;
    try {
      r = BoundedExchange.send(http, request(ApiPaths.CHECKPOINT).GET().build(), SignedNote.MAX_BYTES, timeout);
    } catch (BoundedExchange.TooLargeException e) {
      throw BoardUnavailableException.unreadable(200, e);
    } catch (IOException e) {
      throw BoardUnavailableException.transport(e);
    }
    if (r.statusCode() == 404) {
      return Optional.empty();
    }
    if (r.statusCode() != 200) {
      answer(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
      throw BoardUnavailableException.unreadable(r.statusCode(), new IllegalStateException("not a checkpoint"));
    }
    try {
      return Optional.of(SignedNote.parse(r.body()));
    } catch (RuntimeException e) {
      throw BoardUnavailableException.unreadable(200, e);
    }
  }

  /** {@code GET /api/board/head}: the latest signed head; empty while the board has none. */
  public Optional<SignedHead> head() throws BoardRefusedException, BoardUnavailableException, InterruptedException {
    try {
      return Optional.of(decode(get(ApiPaths.HEAD), j -> BoardJson.decodeHead(Fields.of(j))));
    } catch (BoardRefusedException e) {
      if (e.error().is(ErrorCodes.NO_HEAD)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** {@code GET /api/board}: at most {@code limit} (≤ 1,000) entries from sequence number {@code from}. */
  public BoardPage entries(long from, int limit)
      throws BoardRefusedException, BoardUnavailableException, InterruptedException {
    return decode(get(ApiPaths.page(from, limit)), BoardPage::decode);
  }

  /** {@code GET /api/board/proof/inclusion}: entry {@code seq} in the tree of {@code size} entries. */
  public EntryInclusion inclusionProof(long seq, long size)
      throws BoardRefusedException, BoardUnavailableException, InterruptedException {
    return decode(get(ApiPaths.inclusionProof(seq, size)), EntryInclusion::decode);
  }

  /** {@code GET /api/board/proof/inclusion}: entry {@code seq} in the tree of the latest signed head. */
  public EntryInclusion inclusionProof(long seq)
      throws BoardRefusedException, BoardUnavailableException, InterruptedException {
    return decode(get(ApiPaths.inclusionProof(seq)), EntryInclusion::decode);
  }

  /** {@code GET /api/board/proof/consistency}: from the tree of {@code from} entries to that of {@code to}. */
  public ConsistencyProof consistencyProof(long from, long to)
      throws BoardRefusedException, BoardUnavailableException, InterruptedException {
    return decode(get(ApiPaths.consistencyProof(from, to)), j -> BoardJson.decodeConsistency(Fields.of(j)));
  }

  /**
   * {@code GET /api/receipts/{code}}: the receipt of the ballot with this tracking code or 64-hex confirmation
   * code, with an inclusion proof to the latest signed head; empty if no such ballot is on the board. Two
   * ballots sharing a short code are refused with {@link ErrorCodes#AMBIGUOUS_CODE}.
   */
  public Optional<BoardReceipt> receipt(String code)
      throws BoardRefusedException, BoardUnavailableException, InterruptedException {
    try {
      return Optional.of(decode(get(ApiPaths.receipt(code)), BoardReceipt::decode));
    } catch (BoardRefusedException e) {
      if (e.error().is(ErrorCodes.NOT_FOUND)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * {@code GET /api/board/export}: writes the whole board file (docs/protocol.md §10.2) to {@code file}, replacing
   * it only once the download is complete; returns {@code file}. An {@link IOException} is a local failure (the
   * file cannot be written); a broken download is {@link BoardUnavailableException}.
   */
  public Path export(Path file)
      throws BoardRefusedException, BoardUnavailableException, InterruptedException, IOException {
    Path target = file.toAbsolutePath();
    Files.createDirectories(target.getParent());
    HttpResponse<InputStream> r;
    try {
      r = http.send(request(ApiPaths.EXPORT).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw BoardUnavailableException.transport(e);
    }
    Path partial = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
    try (InputStream in = r.body()) {
      if (r.statusCode() != 200) {
        answer(r.statusCode(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        throw BoardUnavailableException.unreadable(r.statusCode(), null);
      }
      Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      Files.deleteIfExists(partial);
      throw BoardUnavailableException.transport(e);
    } catch (BoardException | RuntimeException e) {
      Files.deleteIfExists(partial);
      throw e;
    }
    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return file;
  }

  // ---- kiosk submissions ----

  /**
   * {@code POST /api/ballots} or {@code /api/ballots/challenged}: a kiosk's signed submission (docs/api.md) — the
   * canonical body with the election, kiosk and signature headers — answered with the receipt once the entry is
   * durable. An identical retry returns the original receipt.
   */
  public BoardReceipt submit(SignedSubmission s)
      throws BoardRefusedException, BoardUnavailableException, InterruptedException {
    return decode(send(submission(s), true), BoardReceipt::decode);
  }

  /**
   * {@link #submit}, but a 200 answer is returned as the text the board sent, undecoded and unchecked: what a
   * kiosk hands to {@link ReceiptCheck#check}, so that a malformed receipt is a failed check, not an unavailable
   * board. Any other answer throws as for {@link #submit}.
   */
  public String submitForReceipt(SignedSubmission s)
      throws BoardRefusedException, BoardUnavailableException, InterruptedException {
    HttpResponse<String> r;
    try {
      r = http.send(submission(s).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw BoardUnavailableException.transport(e);
    }
    if (r.statusCode() == 200) {
      return r.body();
    }
    answer(r.statusCode(), r.body(), true);
    throw BoardUnavailableException.unreadable(r.statusCode(), null);
  }

  /** {@link #submit} of a cast ballot. */
  public BoardReceipt cast(SignedSubmission s)
      throws BoardRefusedException, BoardUnavailableException, InterruptedException {
    requireKind(s, EntryKind.BALLOT_CAST);
    return submit(s);
  }

  /** {@link #submit} of a challenged ballot. */
  public BoardReceipt challenge(SignedSubmission s)
      throws BoardRefusedException, BoardUnavailableException, InterruptedException {
    requireKind(s, EntryKind.BALLOT_CHALLENGED);
    return submit(s);
  }

  private static void requireKind(SignedSubmission s, EntryKind kind) {
    if (s.kind() != kind) {
      throw new IllegalArgumentException("a " + s.kind().wireName() + " submission, not a " + kind.wireName());
    }
  }

  /** The request of a submission: its body as it was signed, with the headers of docs/api.md. */
  private HttpRequest.Builder submission(SignedSubmission s) {
    return request(ApiPaths.submission(s.kind())).header("Content-Type", "application/json")
        .header(ApiPaths.ELECTION_HEADER, s.electionHash().toHex()).header(ApiPaths.KIOSK_HEADER, s.kioskId())
        .header(ApiPaths.SIGNATURE_HEADER, s.signature().hex())
        .POST(HttpRequest.BodyPublishers.ofByteArray(s.bodyBytes()));
  }

  // ---- the exchange ----

  private JsonObject get(String path) throws BoardRefusedException, BoardUnavailableException, InterruptedException {
    return send(request(path).GET(), false);
  }

  JsonObject post(String path, String body, Map<String, String> headers)
      throws BoardRefusedException, BoardUnavailableException, InterruptedException {
    HttpRequest.Builder b = request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(b::header);
    return send(b, false);
  }

  /** The URI a request for {@code path} goes to. */
  URI resolve(String path) {
    return server.resolve(path);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(resolve(path)).timeout(timeout);
  }

  private JsonObject send(HttpRequest.Builder b, boolean submission)
      throws BoardRefusedException, BoardUnavailableException, InterruptedException {
    HttpResponse<String> r;
    try {
      r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw BoardUnavailableException.transport(e);
    }
    return answer(r.statusCode(), r.body(), submission);
  }

  /** The JSON of a 200 answer to a request without a submission; any other as the exception it stands for. */
  static JsonObject answer(int status, String body) throws BoardRefusedException, BoardUnavailableException {
    return answer(status, body, false);
  }

  /**
   * Whether a 4xx answer is about how the request travelled rather than what it says (docs/api.md, "Limits"): 408
   * (the body arrived too slowly, {@link ErrorCodes#BODY_TOO_SLOW}) and 429 on any request; on a {@code submission}
   * also 431 and a 400 whose code says the board got an incomplete body ({@link ErrorCodes#INCOMPLETE_BODY}) — a
   * kiosk's signed body is complete when it leaves, so only the way can have cut it. Such an answer is
   * {@link BoardUnavailableException}: the same request is retried, never taken as a refusal.
   */
  static boolean transportLevel(ApiError error, boolean submission) {
    if (ErrorCodes.TRANSPORT_STATUSES.contains(error.status())) {
      return true;
    }
    return submission && (ErrorCodes.SUBMISSION_TRANSPORT_STATUSES.contains(error.status())
        || error.status() == 400 && ErrorCodes.INCOMPLETE_BODY.contains(error.code()));
  }

  /** The JSON of a 200 answer; any other answer as the exception it stands for ({@link #transportLevel}). */
  static JsonObject answer(int status, String body, boolean submission)
      throws BoardRefusedException, BoardUnavailableException {
    JsonObject json;
    ApiError error;
    try {
      json = JsonText.parseObject(body);
      if (status == 200) {
        return json;
      }
      error = ApiError.decode(status, json);
    } catch (RuntimeException e) {
      throw BoardUnavailableException.unreadable(status, e);
    }
    if (status >= 500) {
      throw BoardUnavailableException.failed(error);
    }
    if (transportLevel(error, submission)) {
      throw BoardUnavailableException.transportAnswer(error);
    }
    jakarta.json.JsonValue receipt = json.get("receipt");
    throw new BoardRefusedException(error, receipt instanceof JsonObject o ? Optional.of(o.toString())
        : Optional.empty());
  }

  static <T> T decode(JsonObject json, Function<JsonObject, T> decoder) throws BoardUnavailableException {
    try {
      return decoder.apply(json);
    } catch (RuntimeException e) {
      throw BoardUnavailableException.unreadable(200, e);
    }
  }
}
