package org.evote.server.http;

import org.evote.board.client.ErrorCodes;
import org.evote.board.client.ApiPaths;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import org.evote.crypto.ballot.ConfirmationCodes;
import org.evote.crypto.group.Hex;
import org.evote.server.board.BoardReads;
import org.evote.server.board.Receipt;

/** What voters and observers look up: a ballot's receipt by its code, and the challenged ballots' disclosures. */
final class ReceiptController {
  private static final String RECEIPT = ApiPaths.RECEIPT;
  private static final String CHALLENGED = ApiPaths.CHALLENGED;
  /** The most challenged ballots one answer lists, and how many without {@code limit}. */
  static final int MAX_CHALLENGED_PAGE = 200;
  static final long DEFAULT_CHALLENGED_PAGE = 50;

  private final BoardReads reads;

  ReceiptController(BoardReads reads) {
    this.reads = reads;
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

  /**
   * A page of challenged ballots: their stored display forms joined into the answer as they are (each is a JSON
   * object our writer made), so the answer costs the same on a board of any size.
   */
  private void challenged(Context ctx) {
    long from = QueryParams.integer(ctx, "from", 0, Long.MAX_VALUE, 0L);
    int limit = (int) QueryParams.integer(ctx, "limit", 1, MAX_CHALLENGED_PAGE, DEFAULT_CHALLENGED_PAGE);
    BoardReads.ChallengedPage page = reads.challenged(from, limit);
    StringBuilder out = new StringBuilder("{\"challenged\":[");
    out.append(String.join(",", page.ballots())).append(']');
    page.next().ifPresent(n -> out.append(",\"next\":").append(n));
    Json.send(ctx, out.append('}').toString());
  }
}
