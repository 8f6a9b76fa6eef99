package org.evote.board.client;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.board.EntryPayload;
import org.evote.crypto.json.JsonText;

/**
 * The administrator actions (docs/api.md, "Administrators"), each signed by the administrator's key
 * ({@link AdminRequestSigner}: time, fresh nonce, method, path and body) and answered with the entry it posted once
 * durable. A request the board does not authenticate is refused with one of the {@code admin_*} codes of
 * {@link ErrorCodes}. Holds the key: it has no {@code toString} that shows it. Get one from {@link BoardClient#admin}.
 */
public final class BoardAdmin {
  private final BoardClient client;
  private final AdminRequestSigner signer;

  BoardAdmin(BoardClient client, AdminRequestSigner signer) {
    this.client = client;
    this.signer = signer;
  }

  /** {@code POST /api/admin/polls/open}: posts {@code polls_opened} (once). */
  public AdminEntry openPolls() throws BoardRefusedException, BoardUnavailableException, InterruptedException {
    return send(ApiPaths.OPEN_POLLS, "");
  }

  /** {@code POST /api/admin/polls/close}: posts {@code polls_closed} with every kiosk's chain close. */
  public AdminEntry closePolls() throws BoardRefusedException, BoardUnavailableException, InterruptedException {
    return send(ApiPaths.CLOSE_POLLS, "");
  }

  /** {@code POST /api/admin/kiosks}: posts {@code kiosk_registered}. */
  public AdminEntry registerKiosk(String kioskId, Ed25519.PublicKey publicKey)
      throws BoardRefusedException, BoardUnavailableException, InterruptedException {
    return send(ApiPaths.KIOSKS, JsonText.object().add("kiosk_id", kioskId).add("public_key", publicKey.hex())
        .build().toString());
  }

  /** {@code POST /api/admin/kiosks/{id}/revoke}: posts {@code kiosk_revoked}, with the board's default reason. */
  public AdminEntry revokeKiosk(String kioskId)
      throws BoardRefusedException, BoardUnavailableException, InterruptedException {
    return revokeKiosk(kioskId, Optional.empty());
  }

  /** {@code POST /api/admin/kiosks/{id}/revoke}: posts {@code kiosk_revoked} with this reason, if given. */
  public AdminEntry revokeKiosk(String kioskId, Optional<String> reason)
      throws BoardRefusedException, BoardUnavailableException, InterruptedException {
    return send(ApiPaths.revokeKiosk(kioskId), reason.map(r -> JsonText.object().add("reason", r).build()
        .toString()).orElse(""));
  }

  /** {@code POST /api/admin/tally}: posts {@code tally_published} (once, after the polls close). */
  public AdminEntry publishTally(EntryPayload.TallyPublished tally)
      throws BoardRefusedException, BoardUnavailableException, InterruptedException {
    return send(ApiPaths.TALLY, JsonText.object().add("tally_hash", tally.tallyHash().toHex())
        .add("shares_hash", tally.sharesHash().toHex()).add("result_hash", tally.resultHash().toHex()).build()
        .toString());
  }

  private AdminEntry send(String path, String body)
      throws BoardRefusedException, BoardUnavailableException, InterruptedException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    var headers = signer.headers("POST", AdminRequestSigner.target(client.resolve(path)), bytes);
    return BoardClient.decode(client.post(path, body, headers), AdminEntry::decode);
  }
}
