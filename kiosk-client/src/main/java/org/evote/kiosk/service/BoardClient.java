package org.evote.kiosk.service;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.evote.crypto.verify.ElectionChecks;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.board.EntryKind;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.json.JsonText;

/**
 * The kiosk's connection to the bulletin board (docs/api.md): fetches the election and posts signed submissions.
 * A post ends in exactly one of three ways — accepted with a receipt, refused for a stated reason, or unknown
 * because the board could not be reached — and only the last may be retried (with the same body).
 */
public final class BoardClient {
  private final URI server;
  private final HttpClient http;
  private final Duration timeout;

  public BoardClient(URI server, Duration timeout) {
    this.server = server;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  public URI server() {
    return server;
  }

  /** The outcome of one post. */
  public sealed interface PostResult {
    /** On the board, durable; the receipt JSON of docs/api.md. */
    record Accepted(JsonObject receipt) implements PostResult {}

    /** Refused for good (4xx): retrying the same body cannot succeed. */
    record Refused(int status, String code, String message) implements PostResult {}

    /** Not known to be on the board (no answer, or a 5xx): retry the same body later. */
    record Unreachable(String why) implements PostResult {}
  }

  /**
   * Fetches the election and checks it is the one pinned at set-up: a board serving another election (another
   * key, another manifest) is refused, so a substituted key cannot be slipped in.
   */
  public ElectionConfig election(Digest pinnedHash) throws IOException, InterruptedException {
    HttpResponse<String> r = send(HttpRequest.newBuilder(server.resolve("/api/election")).GET());
    if (r.statusCode() != 200) {
      throw new IOException("the board answered " + r.statusCode() + " for the election");
    }
    ElectionConfig config;
    try {
      config = ElectionChecks.accept(JsonText.parseObject(r.body()).getJsonObject("election"));
    } catch (InvalidFieldException | ClassCastException | NullPointerException e) {
      throw new IOException("the board's election cannot be read: " + e.getMessage());
    }
    if (!config.extendedHash().equals(pinnedHash)) {
      throw new IOException("the board serves election " + config.extendedHash().toHex() + ", not the election "
          + pinnedHash.toHex() + " this kiosk was set up for");
    }
    return config;
  }

  /** Posts a cast or challenged ballot's request body. Never throws. */
  public PostResult post(EntryKind kind, String body) {
    String path = kind == EntryKind.BALLOT_CHALLENGED ? "/api/ballots/challenged" : "/api/ballots";
    HttpResponse<String> r;
    try {
      r = send(HttpRequest.newBuilder(server.resolve(path)).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body)));
    } catch (IOException e) {
      return new PostResult.Unreachable(e.getClass().getSimpleName() + (e.getMessage() == null ? ""
          : ": " + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new PostResult.Unreachable("interrupted");
    }
    try {
      JsonObject json = JsonText.parseObject(r.body());
      if (r.statusCode() == 200) {
        return new PostResult.Accepted(json);
      }
      JsonObject error = json.getJsonObject("error");
      String code = error == null ? "http_" + r.statusCode() : error.getString("code", "unknown");
      String message = error == null ? r.body() : error.getString("message", "");
      if (r.statusCode() >= 500) {
        return new PostResult.Unreachable("board error " + r.statusCode() + " " + code + ": " + message);
      }
      return new PostResult.Refused(r.statusCode(), code, message);
    } catch (InvalidFieldException | ClassCastException e) {
      return new PostResult.Unreachable("unreadable answer (" + r.statusCode() + ")");
    }
  }

  /** True if the board answers at all (for the poll workers' status line). */
  public boolean reachable() {
    try {
      return send(HttpRequest.newBuilder(server.resolve("/api/status")).GET()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
    return http.send(b.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
  }
}
