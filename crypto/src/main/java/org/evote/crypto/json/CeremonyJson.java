package org.evote.crypto.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.evote.crypto.InvalidFieldException;
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
      commitments.add(e.toHex());
    }
    JsonArrayBuilder proofs = JsonText.array();
    for (SchnorrProof p : g.proofs()) {
      proofs.add(JsonText.object().add("commitment", p.commitment().toHex())
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
        .add("ephemeral", s.ephemeral().toHex()).add("ciphertext", s.ciphertext().toHex())
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

  static String str(jakarta.json.JsonValue v, String path) {
    if (v.getValueType() != jakarta.json.JsonValue.ValueType.STRING) {
      throw new InvalidFieldException(path, "expected a string");
    }
    return ((jakarta.json.JsonString) v).getString();
  }
}
