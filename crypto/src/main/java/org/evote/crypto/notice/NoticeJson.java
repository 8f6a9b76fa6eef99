package org.evote.crypto.notice;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.Set;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.json.Fields;
import org.evote.crypto.json.JsonHashes;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.note.VerifierKey;

/**
 * The election notice as JSON (protocol §10.3, {@code notice.json}): a closed object, decoded strictly, every
 * failure naming its field. {@link #hash} is H_JSON of it (§2.5), a short value officials can read out with the
 * notice.
 */
public final class NoticeJson {
  private NoticeJson() {}

  private static final Set<String> MEMBERS = Set.of("extended_hash", "board_public_key", "checkpoint_key",
      "witnesses", "witness_quorum", "kiosks");

  public static JsonObject encode(ElectionNotice n) {
    JsonArrayBuilder witnesses = JsonText.array();
    for (ElectionNotice.Witness w : n.witnesses()) {
      witnesses.add(JsonText.object().add("url", w.url().toString()).add("vkey", w.key().encoded()));
    }
    JsonArrayBuilder kiosks = JsonText.array();
    for (ElectionNotice.Kiosk k : n.kiosks()) {
      kiosks.add(JsonText.object().add("kiosk_id", k.kioskId()).add("public_key", k.publicKey().hex()));
    }
    return JsonText.object().add("extended_hash", n.extendedHash().toHex())
        .add("board_public_key", n.boardKey().hex()).add("checkpoint_key", n.checkpointKey().encoded())
        .add("witnesses", witnesses).add("witness_quorum", n.witnessQuorum()).add("kiosks", kiosks).build();
  }

  /** Decodes a notice, naming the offending field ({@code witnesses[1].vkey}, …) on failure. */
  public static ElectionNotice decode(JsonObject json) {
    Fields f = Fields.of(json).only(MEMBERS);
    Digest he = f.digest("extended_hash");
    Ed25519.PublicKey board = publicKey(f, "board_public_key");
    VerifierKey checkpointKey = VerifierKey.parse(f.string("checkpoint_key"), f.path("checkpoint_key"));
    var witnesses = f.objects("witnesses", 0, ElectionNotice.MAX_WITNESSES, w -> {
      w.only(Set.of("url", "vkey"));
      return within(w, () -> new ElectionNotice.Witness(ElectionNotice.Witness.parseUrl(w.string("url"),
          w.path("url")), VerifierKey.parse(w.string("vkey"), w.path("vkey"))));
    });
    int quorum = f.smallInt("witness_quorum", 0, ElectionNotice.MAX_WITNESSES);
    var kiosks = f.objects("kiosks", 0, ElectionNotice.MAX_KIOSKS, k -> {
      k.only(Set.of("kiosk_id", "public_key"));
      return within(k, () -> new ElectionNotice.Kiosk(k.id("kiosk_id"), publicKey(k, "public_key")));
    });
    return within(f, () -> new ElectionNotice(he, board, checkpointKey, witnesses, quorum, kiosks));
  }

  /** H_JSON(notice) (§2.5), by which the notice can be named and compared. */
  public static Digest hash(ElectionNotice n) {
    return JsonHashes.of(encode(n));
  }

  private static Ed25519.PublicKey publicKey(Fields f, String name) {
    try {
      return new Ed25519.PublicKey(f.string(name));
    } catch (InvalidFieldException e) {
      throw new InvalidFieldException(f.path(name), e.reason());
    }
  }

  /** A constructor's rejection with the object's path put in front of the field it names. */
  private static <T> T within(Fields f, java.util.function.Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (InvalidFieldException e) {
      String p = f.path("");
      String prefix = p.endsWith(".") ? p.substring(0, p.length() - 1) : p;
      return rethrow(e, prefix);
    }
  }

  private static <T> T rethrow(InvalidFieldException e, String prefix) {
    if (prefix.isEmpty() || e.field().startsWith(prefix)) {
      throw e;
    }
    throw e.within(prefix);
  }
}
