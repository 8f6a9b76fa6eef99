package org.evote.server.http;

import org.evote.board.client.ErrorCodes;
import org.evote.board.client.ApiPaths;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import jakarta.json.JsonArrayBuilder;
import java.util.List;
import org.evote.crypto.ballot.ConfirmationCodes;
import org.evote.crypto.group.Hex;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.manifest.ContestDescription;
import org.evote.crypto.manifest.Manifest;
import org.evote.server.board.BoardReads;
import org.evote.server.board.Receipt;

/** What voters and observers look up: a ballot's receipt by its code, and the challenged ballots' disclosures. */
final class ReceiptController {
  private static final String RECEIPT = ApiPaths.RECEIPT;
  private static final String CHALLENGED = ApiPaths.CHALLENGED;
  private static final int MAX_PAGE = 1000;

  private final BoardReads reads;
  private final Manifest manifest;

  ReceiptController(BoardReads reads, Manifest manifest) {
    this.reads = reads;
    this.manifest = manifest;
  }

  void routes(RoutesConfig routes) {
    routes.get(RECEIPT, this::receipt);
    routes.get(CHALLENGED, this::challenged);
  }

  private void receipt(Context ctx) {
    String code = ctx.pathParam("code");
    List<Receipt> found;
    if (code.length() == 64 && Hex.isLowercaseHex(code)) {
      found = reads.receiptByConfirmationCode(code).stream().toList();
    } else {
      String normalized = ConfirmationCodes.normalizeShortForm(code).orElseThrow(() -> ApiError.badRequest(
          ErrorCodes.INVALID_CODE, "a tracking code is 16 letters and digits (e.g. 7KQ2-M9XD-4TB0-WZ5R) or the 64-hex "
              + "confirmation code", "code"));
      found = reads.receiptsByTrackingCode(normalized);
      if (found.size() > 1) {
        throw new ApiError(409, ErrorCodes.AMBIGUOUS_CODE, found.size() + " ballots share this tracking code: check with "
            + "the full confirmation code from the receipt's QR code, and tell an election official");
      }
    }
    Receipt r = found.stream().findFirst().orElseThrow(() -> new ApiError(404, ErrorCodes.NOT_FOUND,
        "no ballot with this code is on the board"));
    Json.send(ctx, r.toJson().toString());
  }

  private void challenged(Context ctx) {
    long from = QueryParams.integer(ctx, "from", 0, Long.MAX_VALUE, 0L);
    int limit = (int) QueryParams.integer(ctx, "limit", 1, MAX_PAGE, 100L);
    JsonArrayBuilder out = JsonText.array();
    for (BoardReads.ChallengedBallot c : reads.challenged(from, limit)) {
      JsonArrayBuilder contests = JsonText.array();
      for (ContestDescription d : manifest.contestsFor(c.payload().ballot().styleId())) {
        JsonArrayBuilder chosen = JsonText.array();
        for (String sel : c.payload().plaintext().marked(d.id())) {
          chosen.add(JsonText.object().add("selection_id", sel).add("name", selectionName(d, sel)));
        }
        contests.add(JsonText.object().add("contest_id", d.id())
            .add("name", d.ballotTitle().in("en").or(() -> d.name().in("en")).orElse(d.id()))
            .add("chosen", chosen));
      }
      out.add(JsonText.object().add("ballot_id", c.ballotId()).add("tracking_code", c.trackingCode())
          .add("confirmation_code", c.confirmationCode()).add("sequence", c.sequence())
          .add("timestamp", c.timestamp()).add("kiosk_id", c.kioskId()).add("contests", contests));
    }
    Json.send(ctx, JsonText.object().add("challenged", out).build().toString());
  }

  private String selectionName(ContestDescription d, String selectionId) {
    return d.selection(selectionId).flatMap(s -> manifest.candidate(s.candidateId())).flatMap(c -> c.name().in("en"))
        .orElse(selectionId);
  }
}
