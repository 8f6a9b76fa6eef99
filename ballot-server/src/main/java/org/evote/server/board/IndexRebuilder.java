package org.evote.server.board;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import org.evote.crypto.ballot.ConfirmationCodes;
import org.evote.crypto.board.BoardEntry;
import org.evote.crypto.board.EntryKind;
import org.evote.crypto.board.SignedHead;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.json.JsonHashes;
import org.evote.crypto.json.JsonText;
import org.evote.server.store.BallotRow;
import org.evote.server.store.BoardStore;
import org.evote.server.store.KioskRow;

/**
 * Re-derives, at start, what the board indexes beside its entries — kiosks and their chain heads, ballot rows,
 * whether the tally is out — from the verified entries themselves, so a database whose index tables were edited
 * cannot make the board accept a rogue kiosk, lose a receipt or forget a ciphertext. Reads each ballot entry's JSON
 * but decodes no points.
 */
final class IndexRebuilder {
  private final Digest extendedHash;
  private final Map<String, KioskRow> kiosks = new LinkedHashMap<>();
  private final List<BallotRow> ballots = new ArrayList<>();
  private final BoardStore.AlphaCursor alphas;
  private long ciphertextMismatch = -1;
  private boolean tallyPublished;

  /** Reads the ciphertext index alongside the entries with {@code cursor}, which the caller closes. */
  IndexRebuilder(Digest extendedHash, BoardStore.AlphaCursor cursor) {
    this.extendedHash = extendedHash;
    this.alphas = cursor;
  }

  void see(BoardEntry e) {
    switch (e.kind()) {
      case KIOSK_REGISTERED -> {
        JsonObject p = JsonText.parseObject(e.payload());
        String id = p.getString("kiosk_id");
        kiosks.put(id, new KioskRow(id, p.getString("public_key"), false, Optional.empty(), 0, 0));
      }
      case KIOSK_REVOKED -> {
        String id = JsonText.parseObject(e.payload()).getString("kiosk_id");
        KioskRow k = kiosks.get(id);
        if (k != null) {
          kiosks.put(id, new KioskRow(id, k.publicKey(), true, k.lastCode(), k.lastTime(), k.ballots()));
        }
      }
      case BALLOT_CAST, BALLOT_CHALLENGED -> ballot(e);
      case TALLY_PUBLISHED -> tallyPublished = true;
      default -> { }
    }
  }

  private void ballot(BoardEntry e) {
    JsonObject p = JsonText.parseObject(e.payload());
    JsonObject b = p.getJsonObject("ballot");
    String kiosk = b.getString("kiosk_id");
    String code = b.getString("confirmation_code");
    long time = b.getJsonNumber("timestamp").longValue();
    ballots.add(new BallotRow(b.getString("ballot_id"), e.sequence(), kiosk, p.getString("request_id"),
        e.kind().wireName(), code, ConfirmationCodes.shortForm(Digest.decode(code, "confirmation_code")),
        JsonHashes.ofCanonical(e.payload()).toHex(), BoardStore.PENDING_HEAD, e.timestamp()));
    KioskRow k = kiosks.get(kiosk);
    if (k != null) {
      kiosks.put(kiosk, new KioskRow(kiosk, k.publicKey(), k.revoked(), Optional.of(code), time, k.ballots() + 1));
    }
    List<String> alphas = new ArrayList<>();
    for (JsonValue c : b.getJsonArray("contests")) {
      for (JsonValue sel : c.asJsonObject().getJsonArray("selections")) {
        alphas.add(sel.asJsonObject().getJsonObject("ciphertext").getString("alpha"));
      }
    }
    Collections.sort(alphas);
    try {
      if (ciphertextMismatch < 0 && !this.alphas.forSequence(e.sequence()).equals(alphas)) {
        ciphertextMismatch = e.sequence();
      }
    } catch (SQLException ex) {
      throw new IllegalStateException("the ciphertext index cannot be read: " + ex.getMessage(), ex);
    }
  }

  /** Fails at the first entry whose ciphertexts the index does not list exactly. */
  void checkAlphas(long size) throws TamperedBoardException {
    if (ciphertextMismatch >= 0) {
      throw new TamperedBoardException(ciphertextMismatch, "the ciphertext index does not match the entry");
    }
    if (alphas.remaining()) {
      throw new TamperedBoardException(size, "the ciphertext index lists ciphertexts of no entry");
    }
  }

  /** Ballot rows, each with the smallest signed head that covers it. */
  List<BallotRow> ballots(List<SignedHead> heads) {
    List<BallotRow> out = new ArrayList<>();
    int h = 0;
    for (BallotRow r : ballots) {
      while (h < heads.size() && heads.get(h).size() <= r.sequence()) {
        h++;
      }
      long size = h < heads.size() ? heads.get(h).size() : BoardStore.PENDING_HEAD;
      out.add(new BallotRow(r.ballotId(), r.sequence(), r.kioskId(), r.requestId(), r.kind(), r.confirmationCode(),
          r.trackingCode(), r.submissionHash(), size, r.timestamp()));
    }
    return out;
  }

  List<KioskRow> kiosks() {
    return List.copyOf(kiosks.values());
  }

  boolean tallyPublished() {
    return tallyPublished;
  }

  Digest extendedHash() {
    return extendedHash;
  }
}
