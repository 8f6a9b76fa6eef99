package org.evote.crypto.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.ceremony.GuardianRecord;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.election.ElectionHashes;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.Hex;
import org.evote.crypto.group.P256;
import org.evote.crypto.hash.Digest;

/**
 * {@code election.json} (protocol §10.3): protocol id, parameters, manifest, n, k, guardian records and the
 * published joint key and hashes. Decoding recomputes every derived value and returns it beside what the file
 * claims, so the verifier can report a mismatch (steps V1, V2, V4) instead of failing to read the file.
 */
public final class ElectionJson {
  private ElectionJson() {}

  /** What election.json states, beside the config recomputed from its inputs. */
  public record Decoded(ElectionConfig config, Parameters parameters, Digest manifestHash, Digest baseHash,
      Element jointKey, Digest extendedHash) {}

  /** The published parameters object, as written. */
  public record Parameters(String protocol, String curve, String p, String q, String a, String b, String generator,
      Digest parameterHash) {
    /** The parameters this implementation uses. */
    public static Parameters expected() {
      return new Parameters(ElectionHashes.PROTOCOL, ElectionHashes.CURVE, hex32(P256.P), hex32(P256.Q),
          hex32(P256.a()), hex32(P256.b()), Element.G.encode(), ElectionHashes.parameterHash());
    }
  }

  static String hex32(java.math.BigInteger v) {
    return Hex.encode(Hex.fixedLength(v, 32));
  }


  public static JsonObject encodeParameters() {
    Parameters p = Parameters.expected();
    return JsonText.object().add("protocol", p.protocol()).add("curve", p.curve()).add("p", p.p())
        .add("q", p.q()).add("a", p.a()).add("b", p.b()).add("generator", p.generator())
        .add("parameter_hash", p.parameterHash().toHex()).build();
  }

  public static JsonObject encode(ElectionConfig c) {
    JsonArrayBuilder guardians = JsonText.array();
    for (GuardianRecord g : c.guardians()) {
      guardians.add(CeremonyJson.encode(g));
    }
    return JsonText.object()
        .add("parameters", encodeParameters())
        .add("manifest", ManifestJson.encode(c.manifest()))
        .add("guardian_count", c.guardianCount())
        .add("quorum", c.quorum())
        .add("guardians", guardians)
        .add("joint_public_key", c.jointKey().element().encode())
        .add("manifest_hash", c.manifestHash().toHex())
        .add("election_base_hash", c.baseHash().toHex())
        .add("extended_hash", c.extendedHash().toHex())
        .build();
  }

  /** JCS of the election object: what entry 0 of the board publishes (§9.1). */
  public static String canonical(ElectionConfig c) {
    return CanonicalJson.write(encode(c));
  }

  /**
   * Refuses an election (and so a record or board) of another protocol version before anything else in it is read,
   * naming the version: its points, hashes and proofs would not decode or verify under this one (§10.3).
   */
  static void requireProtocol(Fields parameters) {
    String version = parameters.string("protocol");
    if (!version.equals(ElectionHashes.PROTOCOL)) {
      throw new InvalidFieldException(parameters.path("protocol"), "protocol version '" + shown(version)
          + "' is not supported: this implementation reads only " + ElectionHashes.PROTOCOL + " records");
    }
  }

  private static String shown(String version) {
    String head = version.length() <= 40 ? version : version.substring(0, 40) + "…";
    return head.replaceAll("[^\\x20-\\x7e…]", "?");
  }

  public static Decoded decode(JsonObject json) {
    Fields f = Fields.of(json);
    Fields p = f.object("parameters");
    requireProtocol(p);
    f.only(Set.of("parameters", "manifest", "guardian_count", "quorum", "guardians", "joint_public_key",
        "manifest_hash", "election_base_hash", "extended_hash"));
    p.only(Set.of("protocol", "curve", "p", "q", "a", "b", "generator", "parameter_hash"));
    Parameters params = new Parameters(p.string("protocol"), p.string("curve"), p.string("p"), p.string("q"),
        p.string("a"), p.string("b"), p.string("generator"), p.digest("parameter_hash"));
    org.evote.crypto.manifest.Manifest manifest;
    try {
      manifest = ManifestJson.decode(f.rawObject("manifest"));
    } catch (org.evote.crypto.InvalidFieldException e) {
      throw e.field().startsWith("manifest") ? e : e.within("manifest");
    }
    int n = f.smallInt("guardian_count", 1, CeremonyJson.MAX_GUARDIANS);
    int k = f.smallInt("quorum", 1, n);
    List<GuardianRecord> guardians = f.objects("guardians", n, n, CeremonyJson::decodeGuardian);
    ElectionConfig config;
    try {
      config = new ElectionConfig(manifest, n, k, guardians);
    } catch (IllegalArgumentException e) {
      throw new org.evote.crypto.InvalidFieldException("guardians", e.getMessage());
    }
    return new Decoded(config, params, f.digest("manifest_hash"), f.digest("election_base_hash"),
        f.element("joint_public_key"), f.digest("extended_hash"));
  }
}
