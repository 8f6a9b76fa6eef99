package org.evote.server.witness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.evote.board.client.BoundedExchange;
import org.evote.board.client.PinnedTls;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.keystore.TlsFingerprint;
import org.evote.crypto.notice.ElectionNotice.Witness;
import org.evote.crypto.note.AddCheckpointRequest;
import org.evote.crypto.note.NoteSignature;
import org.evote.crypto.note.SignedNote;

/**
 * The board's side of the C2SP tlog-witness protocol with one witness: {@code POST <url>/add-checkpoint} and the
 * monitoring {@code GET <url>/<hex SHA-256(origin)>/checkpoint}. Every exchange has one overall deadline (connecting,
 * the request and the whole answer: a witness that drips its answer is cut off) and answers are bounded in size
 * ({@link BoundedExchange}) and checked: only cosignature lines that verify under the witness's key are returned.
 */
public final class WitnessClient {
  /** The largest answer read from a witness. */
  static final int MAX_ANSWER = SignedNote.MAX_BYTES;
  private final Witness witness;
  private final HttpClient http;
  private final Duration timeout;

  public WitnessClient(Witness witness, Duration timeout) {
    this(witness, Optional.empty(), timeout);
  }

  /**
   * A client of {@code witness} that pins its TLS certificate {@code tls} (board-client's {@code PinnedTls}: an
   * {@code https://} witness only with a pin, accepting exactly that certificate; plain {@code http://} with one
   * only on loopback).
   *
   * @throws IllegalArgumentException if the witness's URL cannot be reached under those rules
   */
  public WitnessClient(Witness witness, Optional<TlsFingerprint> tls, Duration timeout) {
    this.witness = witness;
    this.timeout = timeout;
    this.http = PinnedTls.client(witness.url(), tls, timeout);
  }

  public Witness witness() {
    return witness;
  }

  /** What an add-checkpoint request came to. */
  public sealed interface Outcome {
    /** 200: the witness's cosignature lines over the checkpoint that verify under its key (never empty). */
    record Cosigned(List<NoteSignature> lines) implements Outcome {}

    /** 409: the witness has cosigned a checkpoint of another size ({@code text/x.tlog.size}). */
    record Conflict(long size) implements Outcome {}

    /** Any other answer, or one that does not check out (bad cosignature, unreadable). */
    record Refused(int status, String reason) implements Outcome {}

    /** No answer: the witness is down, slow or unreachable. */
    record Unreachable(String reason) implements Outcome {}
  }

  /** Submits {@code request}; never throws for what the witness answers or fails to answer. */
  public Outcome addCheckpoint(AddCheckpointRequest request) throws InterruptedException {
    HttpResponse<byte[]> r;
    try {
      r = BoundedExchange.send(http, HttpRequest.newBuilder(URI.create(base() + "/add-checkpoint")).timeout(timeout)
          .header("Content-Type", "text/plain; charset=utf-8")
          .POST(HttpRequest.BodyPublishers.ofByteArray(request.body())).build(), MAX_ANSWER, timeout);
    } catch (BoundedExchange.TooLargeException e) {
      return new Outcome.Refused(0, e.getMessage());
    } catch (IOException e) {
      return new Outcome.Unreachable(e.toString());
    }
    String body = r.body() == null ? "" : new String(r.body(), StandardCharsets.UTF_8);
    if (r.statusCode() == 409) {
      String type = r.headers().firstValue("Content-Type").orElse("");
      if (!type.startsWith("text/x.tlog.size") || !body.matches("(0|[1-9][0-9]{0,18})\n")) {
        return new Outcome.Refused(409, "a 409 answer without a text/x.tlog.size tree size");
      }
      try {
        return new Outcome.Conflict(Long.parseLong(body.strip()));
      } catch (NumberFormatException e) {
        return new Outcome.Refused(409, "a 409 answer with a tree size beyond 2^63 - 1");
      }
    }
    if (r.statusCode() != 200) {
      return new Outcome.Refused(r.statusCode(), body.length() > 200 ? body.substring(0, 200) : body.strip());
    }
    List<NoteSignature> lines;
    try {
      lines = SignedNote.parseSignatureLines(body, "cosignatures");
    } catch (InvalidFieldException e) {
      return new Outcome.Refused(200, "unreadable cosignature lines: " + e.getMessage());
    }
    String text = request.checkpoint().text();
    List<NoteSignature> mine = new ArrayList<>();
    for (NoteSignature s : lines) {
      if (witness.key().matches(s)) {
        if (!witness.key().verifies(text, s.signature())) {
          return new Outcome.Refused(200, "a cosignature line of the witness's key does not verify");
        }
        mine.add(s);
      }
    }
    return mine.isEmpty() ? new Outcome.Refused(200, "no cosignature by the witness's key " + witness.key().name())
        : new Outcome.Cosigned(mine);
  }

  /**
   * The checkpoint the witness serves for {@code origin} (c2sp.org/tlog-witness, "Monitor Retrieval Mechanism"),
   * parsed but not verified; empty if it has none (404).
   */
  public Optional<SignedNote> latest(String origin) throws IOException, InterruptedException {
    String hash = HexFormat.of().formatHex(sha256(origin));
    HttpResponse<byte[]> r = BoundedExchange.send(http, HttpRequest.newBuilder(URI.create(base() + "/" + hash
        + "/checkpoint")).timeout(timeout).GET().build(), MAX_ANSWER, timeout);
    if (r.statusCode() == 404) {
      return Optional.empty();
    }
    if (r.statusCode() != 200) {
      throw new IOException("the witness answered " + r.statusCode());
    }
    try {
      return Optional.of(SignedNote.parse(r.body()));
    } catch (InvalidFieldException e) {
      throw new IOException("the witness's checkpoint is unreadable: " + e.getMessage());
    }
  }

  /** The witness's URL prefix without a trailing slash. */
  private String base() {
    String u = witness.url().toString();
    return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
  }

  /** The overall limit on one exchange with the witness: connecting, sending and the whole answer. */
  public Duration timeout() {
    return timeout;
  }

  private static byte[] sha256(String s) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
