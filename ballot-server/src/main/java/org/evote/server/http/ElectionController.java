package org.evote.server.http;

import org.evote.board.client.ApiPaths;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import org.evote.crypto.note.VerifierKey;
import org.evote.server.board.Checkpoints;
import org.evote.crypto.json.BoardJson;
import org.evote.crypto.json.ElectionJson;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.manifest.Manifest;
import org.evote.server.board.BoardReads;
import org.evote.server.board.BoardService;

/** The election the board serves and the board's public status. */
final class ElectionController {
  private static final String ELECTION = ApiPaths.ELECTION;
  private static final String STATUS = ApiPaths.STATUS;

  private final BoardReads reads;
  private final Checkpoints checkpoints;
  private final Manifest manifest;
  private final String electionJson;
  private final boolean practice;

  /** @param practice a practice board: {@code "practice": true} in the status and the election */
  ElectionController(BoardService board, boolean practice) {
    this.practice = practice;
    this.reads = board.reads();
    this.checkpoints = board.checkpoints();
    this.manifest = board.config().manifest();
    this.electionJson = JsonText.object()
        .add("election", ElectionJson.encode(board.config()))
        .add("extended_hash", board.config().extendedHash().toHex())
        .add("board_public_key", board.boardPublicKey().hex())
        .add("checkpoint_key", board.checkpointKey().encoded())
        .add("practice", practice).build().toString();
  }

  void routes(RoutesConfig routes) {
    routes.get(ELECTION, ctx -> Json.send(ctx, electionJson));
    routes.get(STATUS, this::status);
  }

  private void status(Context ctx) {
    BoardReads.Status s = reads.status();
    JsonObjectBuilder o = JsonText.object()
        .add("election_name", manifest.name().in("en").orElse(manifest.electionScopeId()))
        .add("polls", s.polls().name().toLowerCase())
        .add("cast_ballots", s.castBallots()).add("challenged_ballots", s.challengedBallots())
        .add("refused_ballots", s.refusedBallots()).add("entries", s.entries()).add("time", s.time())
        .add("signed_head", BoardJson.encode(s.head())).add("practice", practice);
    s.problem().ifPresent(r -> o.add("accepting_ballots", false).add("problem", r));
    JsonArrayBuilder witnesses = JsonText.array();
    for (VerifierKey w : checkpoints.witnesses()) {
      JsonObjectBuilder wo = JsonText.object().add("name", w.name()).add("key", w.encoded());
      checkpoints.lastCosigned(w).ifPresent(size -> wo.add("last_cosigned_size", size));
      witnesses.add(wo);
    }
    o.add("checkpoint_size", checkpoints.latestHead().size()).add("witnesses", witnesses)
        .add("witness_quorum", checkpoints.quorum()).add("quorum_covers_latest", checkpoints.quorumCoversLatest());
    Json.send(ctx, o.build().toString());
  }
}
