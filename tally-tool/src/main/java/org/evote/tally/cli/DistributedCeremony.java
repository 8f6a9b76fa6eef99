package org.evote.tally.cli;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.evote.crypto.ceremony.EncryptedShare;
import org.evote.crypto.ceremony.GuardianCeremony;
import org.evote.crypto.ceremony.GuardianKey;
import org.evote.crypto.ceremony.GuardianPolynomial;
import org.evote.crypto.ceremony.GuardianRecord;
import org.evote.crypto.ceremony.ShareComplaint;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.election.ElectionHashes;
import org.evote.crypto.group.Scalar;
import org.evote.crypto.group.SecretScalar;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.json.CeremonyJson;
import org.evote.crypto.json.ElectionJson;
import org.evote.crypto.json.Fields;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.json.ManifestJson;
import org.evote.crypto.keystore.EncryptedKeyFile;
import org.evote.crypto.keystore.GuardianKeyFile;
import org.evote.crypto.keystore.SecretFiles;
import org.evote.crypto.manifest.Manifest;
import org.evote.crypto.proof.ProofCheck;

/**
 * The key ceremony for guardians on separate offline machines exchanging files (docs/protocol.md §7): each
 * guardian initialises (public record + sealed polynomial), exchanges (checks every record's proofs, writes an
 * encrypted share for each other guardian), and finishes (checks the shares addressed to it — a bad one is named
 * in a complaint file — and seals its key share). Every guardian ends with the same election.json.
 */
final class DistributedCeremony {
  static final String POLYNOMIAL_KIND = "evote-guardian-polynomial";

  private final Manifest manifest;
  private final int guardians;
  private final int quorum;
  private final Digest baseHash;

  DistributedCeremony(Path manifestFile, int guardians, int quorum) throws IOException {
    GuardianCeremony.checkSizes(guardians, quorum);
    this.manifest = ManifestJson.decode(JsonText.readObject(manifestFile));
    this.guardians = guardians;
    this.quorum = quorum;
    this.baseHash = ElectionHashes.baseHash(manifest, guardians, quorum);
  }

  static Path recordFile(Path dir, int i) {
    return dir.resolve("guardian-" + i + ".record.json");
  }

  static Path shareFile(Path dir, int from, int to) {
    return dir.resolve("share-" + from + "-to-" + to + ".json");
  }

  /** Step 1: a fresh polynomial; publishes the record, seals the polynomial. */
  void init(int index, Path out, char[] passphrase, SecureRandom random) throws IOException {
    GuardianCeremony g = GuardianCeremony.start(baseHash, index, guardians, quorum, random);
    Files.createDirectories(out);
    JsonText.write(recordFile(out, index), JsonText.object().add("election_base_hash", baseHash.toHex())
        .add("record", CeremonyJson.encode(g.record())).build());
    byte[] secret = polynomialBytes(g.polynomial());
    try {
      SecretFiles.writeOwnerOnly(out.resolve("guardian-" + index + ".polynomial.json"), JsonText.pretty(
          EncryptedKeyFile.seal(POLYNOMIAL_KIND, JsonText.object().add("guardian", index)
              .add("election_base_hash", baseHash.toHex()).add("record", CeremonyJson.encode(g.record())).build(),
              secret, passphrase, random)));
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }

  /** Step 2: checks every record and writes this guardian's encrypted shares for the others. */
  void exchange(int index, Path polynomialFile, Path records, Path out, char[] passphrase, SecureRandom random)
      throws IOException, EncryptedKeyFile.WrongPassphraseException, CeremonyException {
    GuardianCeremony me = resume(index, polynomialFile, passphrase);
    List<GuardianRecord> all = readRecords(records);
    Files.createDirectories(out);
    for (EncryptedShare s : me.sharesFor(all, random)) {
      JsonText.write(shareFile(out, s.sender(), s.recipient()), CeremonyJson.encode(s));
    }
  }

  /**
   * Step 3: checks the shares addressed to this guardian. Writes its sealed key and election.json, or complaint
   * files naming every guardian whose share is bad (the ceremony is then restarted without them, §7.3).
   */
  List<ShareComplaint> finish(int index, Path polynomialFile, Path records, Path shares, Path out,
      char[] passphrase, char[] keyPassphrase, SecureRandom random)
      throws IOException, EncryptedKeyFile.WrongPassphraseException, CeremonyException {
    GuardianCeremony me = resume(index, polynomialFile, passphrase);
    List<GuardianRecord> all = readRecords(records);
    List<ShareComplaint> complaints = new ArrayList<>();
    for (GuardianRecord sender : all) {
      if (sender.index() == index) {
        continue;
      }
      Path f = shareFile(shares, sender.index(), index);
      if (!Files.exists(f)) {
        complaints.add(new ShareComplaint(index, sender.index(), "no share received"));
        continue;
      }
      EncryptedShare s = CeremonyJson.decodeShare(Fields.of(JsonText.readObject(f)));
      if (s.sender() != sender.index() || s.recipient() != index) {
        complaints.add(new ShareComplaint(index, sender.index(), "share file names the wrong guardians"));
        continue;
      }
      me.receive(s, sender).ifPresent(complaints::add);
    }
    Files.createDirectories(out);
    if (!complaints.isEmpty()) {
      for (ShareComplaint c : complaints) {
        JsonText.write(out.resolve("complaint-" + c.accuser() + "-against-" + c.accused() + ".json"),
            CeremonyJson.encode(c));
      }
      return complaints;
    }
    GuardianKey key = me.finish();
    ElectionConfig config = new ElectionConfig(manifest, guardians, quorum, all);
    JsonText.write(out.resolve("election.json"), ElectionJson.encode(config));
    GuardianKeyFile.write(out.resolve("guardian-" + index + ".key.json"), key, config.extendedHash(), keyPassphrase,
        random);
    return List.of();
  }

  /** A ceremony step that cannot go on; the message names the guardian and the reason. */
  static final class CeremonyException extends Exception {
    private static final long serialVersionUID = 1L;

    CeremonyException(String message) {
      super(message);
    }
  }

  private List<GuardianRecord> readRecords(Path dir) throws IOException, CeremonyException {
    List<GuardianRecord> out = new ArrayList<>();
    for (int i = 1; i <= guardians; i++) {
      Path f = recordFile(dir, i);
      if (!Files.exists(f)) {
        throw new CeremonyException("the record of guardian " + i + " is missing (" + f + ")");
      }
      Fields json = Fields.of(JsonText.readObject(f));
      if (!json.digest("election_base_hash").equals(baseHash)) {
        throw new CeremonyException("guardian " + i + "'s record is for another election, size or quorum");
      }
      GuardianRecord r = CeremonyJson.decodeGuardian(json.object("record"));
      if (r.index() != i || r.commitments().size() != quorum) {
        throw new CeremonyException("guardian " + i + "'s record is malformed");
      }
      if (r.verifyProofs(baseHash) instanceof ProofCheck.Invalid invalid) {
        throw new CeremonyException("guardian " + i + "'s Schnorr proofs do not hold: " + invalid.reason());
      }
      out.add(r);
    }
    return out;
  }

  private GuardianCeremony resume(int index, Path polynomialFile, char[] passphrase)
      throws IOException, EncryptedKeyFile.WrongPassphraseException, CeremonyException {
    JsonObject file = JsonText.readObject(polynomialFile);
    Fields pub = Fields.of(EncryptedKeyFile.publicPart(file, POLYNOMIAL_KIND), "public");
    if (pub.smallInt("guardian", 1, 1000) != index || !pub.digest("election_base_hash").equals(baseHash)) {
      throw new CeremonyException(polynomialFile + " is not guardian " + index + "'s file for this ceremony");
    }
    byte[] secret = EncryptedKeyFile.open(file, POLYNOMIAL_KIND, passphrase);
    try {
      List<SecretScalar> coefficients = new ArrayList<>();
      for (int j = 0; j < secret.length / 32; j++) {
        coefficients.add(SecretScalar.of(Scalar.reduceBytes(Arrays.copyOfRange(secret, 32 * j, 32 * j + 32))));
      }
      GuardianPolynomial p = GuardianPolynomial.of(index, coefficients);
      return GuardianCeremony.resume(baseHash, guardians, p, CeremonyJson.decodeGuardian(pub.object("record")));
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }

  private static byte[] polynomialBytes(GuardianPolynomial p) {
    byte[] out = new byte[32 * p.quorum()];
    for (int j = 0; j < p.quorum(); j++) {
      System.arraycopy(p.coefficient(j).revealSecret().toBytes(), 0, out, 32 * j, 32);
    }
    return out;
  }
}
