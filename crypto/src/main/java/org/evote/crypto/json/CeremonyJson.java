package org.evote.crypto.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.ceremony.CeremonyTranscript;
import org.evote.crypto.ceremony.EncryptedShare;
import org.evote.crypto.ceremony.GuardianRecord;
import org.evote.crypto.ceremony.ShareComplaint;
import org.evote.crypto.ceremony.ShareReveal;
import org.evote.crypto.group.Element;
import org.evote.crypto.proof.SchnorrProof;

/** JSON for the key ceremony's public objects (protocol §10.3). */
public final class CeremonyJson {
  static final int MAX_GUARDIANS = 1000;

  private CeremonyJson() {}

  public static JsonObject encode(GuardianRecord g) {
    JsonArrayBuilder commitments = JsonText.array();
    for (Element e : g.commitments()) {
      commitments.add(e.encode());
    }
    JsonArrayBuilder proofs = JsonText.array();
    for (SchnorrProof p : g.proofs()) {
      proofs.add(JsonText.object().add("commitment", p.commitment().encode())
          .add("response", p.response().toHex()));
    }
    return JsonText.object().add("index", g.index()).add("commitments", commitments).add("proofs", proofs)
        .build();
  }

  public static GuardianRecord decodeGuardian(Fields f) {
    f.only(Set.of("index", "commitments", "proofs"));
    int index = f.smallInt("index", 1, MAX_GUARDIANS);
    List<Element> commitments = f.list("commitments", 1, MAX_GUARDIANS, (v, p) -> Element.decode(str(v, p), p));
    List<SchnorrProof> proofs = f.objects("proofs", commitments.size(), commitments.size(), p -> {
      p.only(Set.of("commitment", "response"));
      return new SchnorrProof(p.element("commitment"), p.scalar("response"));
    });
    return f.build(() -> new GuardianRecord(index, commitments, proofs));
  }

  public static JsonObject encode(EncryptedShare s) {
    return JsonText.object().add("sender", s.sender()).add("recipient", s.recipient())
        .add("ephemeral", s.ephemeral().encode()).add("ciphertext", s.ciphertext().toHex())
        .add("mac", s.mac().toHex()).build();
  }

  public static EncryptedShare decodeShare(Fields f) {
    f.only(Set.of("sender", "recipient", "ephemeral", "ciphertext", "mac"));
    return f.build(() -> new EncryptedShare(f.smallInt("sender", 1, MAX_GUARDIANS),
        f.smallInt("recipient", 1, MAX_GUARDIANS), f.element("ephemeral"), f.digest("ciphertext"),
        f.digest("mac")));
  }

  public static JsonObject encode(ShareComplaint c) {
    return JsonText.object().add("accuser", c.accuser()).add("accused", c.accused())
        .add("reason", c.reason()).build();
  }

  public static ShareComplaint decodeComplaint(Fields f) {
    f.only(Set.of("accuser", "accused", "reason"));
    return f.build(() -> new ShareComplaint(f.smallInt("accuser", 1, MAX_GUARDIANS),
        f.smallInt("accused", 1, MAX_GUARDIANS), f.string("reason")));
  }

  public static JsonObject encode(ShareReveal r) {
    return JsonText.object().add("sender", r.sender()).add("recipient", r.recipient())
        .add("share", r.share().toHex()).build();
  }

  public static ShareReveal decodeReveal(Fields f) {
    f.only(Set.of("sender", "recipient", "share"));
    return f.build(() -> new ShareReveal(f.smallInt("sender", 1, MAX_GUARDIANS),
        f.smallInt("recipient", 1, MAX_GUARDIANS), f.scalar("share")));
  }

  /** At most n(n − 1) shares, complaints or reveals in a transcript (one per ordered pair of guardians). */
  static final int MAX_PAIRS = MAX_GUARDIANS * (MAX_GUARDIANS - 1);

  /** ceremony_transcript.json (§10.3): shares, complaints and reveals, each array in the order given. */
  public static JsonObject encode(CeremonyTranscript t) {
    JsonArrayBuilder shares = JsonText.array();
    t.shares().forEach(s -> shares.add(encode(s)));
    JsonArrayBuilder complaints = JsonText.array();
    t.complaints().forEach(c -> complaints.add(encode(c)));
    JsonArrayBuilder reveals = JsonText.array();
    t.reveals().forEach(r -> reveals.add(encode(r)));
    return JsonText.object().add("election_base_hash", t.baseHash().toHex())
        .add("extended_hash", t.extendedHash().toHex()).add("shares", shares).add("complaints", complaints)
        .add("reveals", reveals).build();
  }

  /**
   * Decodes a transcript: closed members, every share, complaint and reveal valid on its own (guardian numbers
   * 1 … 1000, two different guardians, α a non-identity element, 64-hex ciphertext and MAC, a non-blank reason, a
   * scalar share). Whether it fits the election is step V18's business.
   */
  public static CeremonyTranscript decodeTranscript(Fields f) {
    f.only(Set.of("election_base_hash", "extended_hash", "shares", "complaints", "reveals"));
    var baseHash = f.digest("election_base_hash");
    var extendedHash = f.digest("extended_hash");
    List<EncryptedShare> shares = f.objects("shares", 0, MAX_PAIRS, CeremonyJson::decodeShare);
    List<ShareComplaint> complaints = f.objects("complaints", 0, MAX_PAIRS, CeremonyJson::decodeComplaint);
    List<ShareReveal> reveals = f.objects("reveals", 0, MAX_PAIRS, CeremonyJson::decodeReveal);
    return f.build(() -> new CeremonyTranscript(baseHash, extendedHash, shares, complaints, reveals));
  }

  static String str(jakarta.json.JsonValue v, String path) {
    if (v.getValueType() != jakarta.json.JsonValue.ValueType.STRING) {
      throw new InvalidFieldException(path, "expected a string");
    }
    return ((jakarta.json.JsonString) v).getString();
  }
}
