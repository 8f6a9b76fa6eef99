package org.evote.crypto.note;

import java.util.ArrayList;
import java.util.List;
import org.evote.crypto.InvalidFieldException;

/**
 * Who must have signed a checkpoint for it to be believed: the log's key and at least {@code quorum} of the
 * listed witnesses (c2sp.org/tlog-policy, a "log" line and a k-of-n "group" of witnesses). A witness is a key name:
 * one witness may list several cosigning keys under its name (this system's witnesses have an Ed25519 and an
 * ML-DSA-44 key, protocol §9.9), and it counts once towards the quorum.
 */
public record WitnessPolicy(VerifierKey logKey, List<VerifierKey> witnesses, int quorum) {
  public WitnessPolicy {
    if (logKey == null || logKey.type() != SignatureType.ED25519) {
      throw new InvalidFieldException("log_key", "the log's key is an Ed25519 note key (type 0x01)");
    }
    witnesses = List.copyOf(witnesses);
    for (int i = 0; i < witnesses.size(); i++) {
      if (!witnesses.get(i).type().isCosignature()) {
        throw new InvalidFieldException("witnesses[" + i + "]", "a witness key is a cosignature key");
      }
      if (witnesses.indexOf(witnesses.get(i)) != i) {
        throw new InvalidFieldException("witnesses[" + i + "]", "listed twice");
      }
    }
    if (quorum < 0 || quorum > witnesses.stream().map(VerifierKey::name).distinct().count()) {
      throw new InvalidFieldException("witness_quorum", "must be between 0 and the number of witnesses (distinct "
          + "key names)");
    }
  }

  /** The outcome of {@link #check}. */
  public sealed interface Result {
    /** The log signed the checkpoint and enough witnesses cosigned it. */
    record Satisfied(Checkpoint checkpoint, List<VerifierKey> cosignedBy) implements Result {}

    /** The note is not a checkpoint, or the log's origin or signature is wrong. */
    record NotSignedByLog(String reason) implements Result {}

    /** Too few valid cosignatures, or a line of a listed witness failed to verify. */
    record BelowQuorum(Checkpoint checkpoint, List<VerifierKey> cosignedBy, int quorum) implements Result {}
  }

  /**
   * Checks a cosigned checkpoint: its origin is the log key's name, the log key's signature verifies, and the
   * witnesses with a valid cosignature reach the quorum. A witness counts if a line of one of its keys verifies and
   * no line of any of its keys fails; {@code cosignedBy} lists the keys whose lines verified, of the witnesses
   * that count.
   */
  public Result check(SignedNote note) {
    Checkpoint cp;
    try {
      cp = Checkpoint.parse(note.text());
    } catch (InvalidFieldException e) {
      return new Result.NotSignedByLog("not a checkpoint: " + e.getMessage());
    }
    if (!cp.origin().equals(logKey.name())) {
      return new Result.NotSignedByLog("origin " + cp.origin() + " is not the log's key name " + logKey.name());
    }
    if (!note.verify(List.of(logKey)).verified()) {
      return new Result.NotSignedByLog("the log's signature does not verify");
    }
    java.util.Map<String, List<VerifierKey>> valid = new java.util.LinkedHashMap<>();
    java.util.Set<String> failed = new java.util.HashSet<>();
    for (VerifierKey w : witnesses) {
      boolean any = false;
      for (NoteSignature s : note.signatures()) {
        if (w.matches(s)) {
          if (w.verifies(note.text(), s.signature())) {
            any = true;
          } else {
            failed.add(w.name());
          }
        }
      }
      if (any) {
        valid.computeIfAbsent(w.name(), n -> new ArrayList<>()).add(w);
      }
    }
    List<VerifierKey> ok = new ArrayList<>();
    int counted = 0;
    for (var e : valid.entrySet()) {
      if (!failed.contains(e.getKey())) {
        ok.addAll(e.getValue());
        counted++;
      }
    }
    return counted >= quorum ? new Result.Satisfied(cp, ok) : new Result.BelowQuorum(cp, ok, quorum);
  }
}
