package org.evote.crypto.verify;

import jakarta.json.JsonObject;
import java.util.Optional;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.ceremony.GuardianRecord;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.election.ElectionHashes;
import org.evote.crypto.json.ElectionJson;
import org.evote.crypto.proof.ProofCheck;

/**
 * Steps V1–V4 of protocol §10.4 on {@code election.json}: the parameters, the manifest and its hashes, the
 * guardians' records and Schnorr proofs, the joint key and H_E. The one place every program that accepts an
 * election checks it: the verifier, and through {@link #accept} the board's init and start, the kiosk, the tally.
 */
public final class ElectionChecks {
  private ElectionChecks() {}

  /**
   * The election if it passes V1–V4; otherwise an {@link InvalidFieldException} naming the first failing step,
   * object and reason (e.g. {@code "V3 guardian 2: coefficient 1: ..."}). For tools that must not run on a failed
   * ceremony or an altered election.
   */
  public static ElectionConfig accept(JsonObject election) {
    StepLog log = new StepLog();
    Optional<ElectionConfig> config = run(election, log);
    Optional<VerificationReport.StepOutcome> failed = log.report().firstFailure();
    if (failed.isPresent()) {
      String first = failed.get().failures().get(0).toString();
      throw new InvalidFieldException("election", failed.get().step().id() + " " + first);
    }
    return config.orElseThrow();
  }

  /**
   * Decodes the election and runs V1–V4 into {@code log}. Empty if it cannot be decoded: then exactly one step
   * fails, chosen by the path of the offending field (§10.4, order of work 1), and every other step is not run.
   */
  static Optional<ElectionConfig> run(JsonObject election, StepLog log) {
    ElectionJson.Decoded decoded;
    try {
      decoded = ElectionJson.decode(election);
    } catch (InvalidFieldException e) {
      Step step = stepOfField(e.field());
      log.step(step).fail("election.json", e.getMessage());
      log.allNotRunExcept(step, "election.json cannot be read");
      return Optional.empty();
    }
    parameters(decoded, log.step(Step.V1_PARAMETERS));
    manifest(decoded, log.step(Step.V2_MANIFEST));
    guardians(decoded.config(), log.step(Step.V3_GUARDIANS));
    jointKey(decoded, log.step(Step.V4_JOINT_KEY));
    return Optional.of(decoded.config());
  }

  /** The step a decoding failure of {@code field} is reported under (§10.4, order of work 1). */
  static Step stepOfField(String field) {
    if (field.startsWith("manifest") || field.equals("election_base_hash")) {
      return Step.V2_MANIFEST;
    }
    if (field.startsWith("guardians") || field.equals("guardian_count") || field.equals("quorum")) {
      return Step.V3_GUARDIANS;
    }
    if (field.equals("joint_public_key") || field.equals("extended_hash")) {
      return Step.V4_JOINT_KEY;
    }
    return Step.V1_PARAMETERS;
  }

  /** V1: the parameters are those of P-256 and H_P of this protocol version ({@link ElectionHashes#PROTOCOL}). */
  private static void parameters(ElectionJson.Decoded d, VerificationReport.Recorder v1) {
    v1.checked(1);
    if (!d.parameters().equals(ElectionJson.Parameters.expected())) {
      v1.fail("election.json parameters", "not the P-256 parameters and parameter hash H_P of protocol "
          + ElectionHashes.PROTOCOL);
    }
  }

  /** V2: H_M and H_B match the manifest and the counts (the manifest itself was validated when decoded). */
  private static void manifest(ElectionJson.Decoded d, VerificationReport.Recorder v2) {
    ElectionConfig c = d.config();
    v2.checked(1);
    if (!d.manifestHash().equals(c.manifestHash())) {
      v2.fail("election.json manifest_hash", "H_M does not match the manifest");
    }
    if (!d.baseHash().equals(c.baseHash())) {
      v2.fail("election.json election_base_hash", "H_B does not match H_P, H_M, n and k");
    }
  }

  /** V3: every guardian's Schnorr proofs of its coefficient commitments hold against H_B (checked directly). */
  private static void guardians(ElectionConfig c, VerificationReport.Recorder v3) {
    for (GuardianRecord g : c.guardians()) {
      v3.checked(1);
      if (g.verifyProofs(c.baseHash()) instanceof ProofCheck.Invalid invalid) {
        v3.fail("guardian " + g.index(), invalid.reason());
      }
    }
  }

  /** V4: K is the sum of the K_i,0 and H_E matches. */
  private static void jointKey(ElectionJson.Decoded d, VerificationReport.Recorder v4) {
    ElectionConfig c = d.config();
    v4.checked(1);
    if (!d.jointKey().equals(c.jointKey().element())) {
      v4.fail("election.json joint_public_key", "K is not the sum of the guardians' K_i,0");
    }
    if (!d.extendedHash().equals(c.extendedHash())) {
      v4.fail("election.json extended_hash", "H_E does not match H_B, K and the guardians' commitments");
    }
  }
}
