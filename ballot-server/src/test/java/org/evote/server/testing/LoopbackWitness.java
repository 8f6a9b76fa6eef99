package org.evote.server.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.board.ConsistencyProof;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.note.AddCheckpointRequest;
import org.evote.crypto.note.Checkpoint;
import org.evote.crypto.note.Cosigner;
import org.evote.crypto.note.NoteSignature;
import org.evote.crypto.note.SignatureType;
import org.evote.crypto.note.SignedNote;
import org.evote.crypto.note.VerifierKey;
import org.evote.server.BoardHost;
import org.evote.server.witness.Witness;

/**
 * A minimal C2SP tlog-witness on a random loopback port, for the board's submitter tests until the witness program
 * (module witness) is merged: trusts one log key, keeps its latest cosigned checkpoint in memory, answers
 * add-checkpoint as the specification says (403, 404, 409 with text/x.tlog.size, 422, 200 with a cosignature) and
 * serves the monitoring checkpoint. {@link #down} makes it answer nothing useful (503).
 */
public final class LoopbackWitness implements AutoCloseable {
  public final Cosigner key;
  private final VerifierKey log;
  private final HttpServer server;
  private SignedNote latest;
  private volatile boolean down;
  private volatile boolean silent;
  private int requests;

  public LoopbackWitness(String name, VerifierKey log, SecureRandom random) throws IOException {
    this.key = Cosigner.generate(name, SignatureType.COSIGNATURE_ED25519, random);
    this.log = log;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public Witness witness() {
    return new Witness(url(), key.verifierKey());
  }

  /** These witnesses, all required. */
  public static BoardHost.Witnesses all(LoopbackWitness... ws) {
    return new BoardHost.Witnesses(List.of(ws).stream().map(LoopbackWitness::witness).toList(), ws.length,
        Duration.ofSeconds(5));
  }

  public void down(boolean isDown) {
    this.down = isDown;
  }

  /** While silent, the monitoring API answers 404 (as if it had never cosigned), add-checkpoint still works. */
  public void silent(boolean isSilent) {
    this.silent = isSilent;
  }

  public synchronized long size() {
    return latest == null ? 0 : Checkpoint.parse(latest.text()).size();
  }

  public synchronized int requests() {
    return requests;
  }

  private synchronized void handle(HttpExchange x) throws IOException {
    try (x) {
      requests++;
      if (down) {
        send(x, 503, "text/plain", "down\n");
        return;
      }
      String path = x.getRequestURI().getPath();
      if (x.getRequestMethod().equals("GET") && path.endsWith("/checkpoint")) {
        String hash = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
            .digest(log.name().getBytes(StandardCharsets.UTF_8)));
        if (latest == null || silent || !path.equals("/" + hash + "/checkpoint")) {
          send(x, 404, "text/plain", "unknown\n");
        } else {
          send(x, 200, "text/plain; charset=utf-8", latest.format());
        }
        return;
      }
      if (!x.getRequestMethod().equals("POST") || !path.equals("/add-checkpoint")) {
        send(x, 404, "text/plain", "no such endpoint\n");
        return;
      }
      AddCheckpointRequest req;
      Checkpoint cp;
      try {
        req = AddCheckpointRequest.parse(x.getRequestBody().readNBytes(SignedNote.MAX_BYTES + 8192));
        cp = Checkpoint.parse(req.checkpoint().text());
      } catch (InvalidFieldException e) {
        send(x, 400, "text/plain", e.getMessage() + "\n");
        return;
      }
      if (!cp.origin().equals(log.name())) {
        send(x, 404, "text/plain", "unknown origin\n");
        return;
      }
      if (!req.checkpoint().verify(List.of(log)).verified()) {
        send(x, 403, "text/plain", "bad signature\n");
        return;
      }
      if (req.oldSize() > cp.size()) {
        send(x, 400, "text/plain", "old size beyond the checkpoint\n");
        return;
      }
      long known = size();
      if (req.oldSize() != known) {
        send(x, 409, "text/x.tlog.size", known + "\n");
        return;
      }
      Digest oldRoot = latest == null ? null : Checkpoint.parse(latest.text()).rootHash();
      boolean consistent = known == 0 ? req.consistencyProof().isEmpty()
          : known == cp.size() ? oldRoot.equals(cp.rootHash()) && req.consistencyProof().isEmpty()
          : new ConsistencyProof(known, cp.size(), req.consistencyProof()).verifies(oldRoot, cp.rootHash());
      if (!consistent) {
        send(x, 422, "text/plain", "not consistent\n");
        return;
      }
      NoteSignature line = key.cosign(cp, System.currentTimeMillis() / 1000);
      latest = new SignedNote(req.checkpoint().text(), List.of()).withSignatures(
          req.checkpoint().signatures().stream().filter(log::matches).toList()).withSignatures(List.of(line));
      send(x, 200, "text/plain; charset=utf-8", line.line());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void send(HttpExchange x, int status, String type, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().set("Content-Type", type);
    x.sendResponseHeaders(status, b.length);
    x.getResponseBody().write(b);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
