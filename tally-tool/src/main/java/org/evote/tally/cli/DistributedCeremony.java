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
import org.evote.crypto.ceremony.CeremonyTranscript;
import org.evote.crypto.ceremony.ShareComplaint;
import org.evote.crypto.ceremony.ShareReveal;
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
import org.evote.crypto.record.RecordWriter;
import org.evote.crypto.verify.TranscriptCheck;
import org.evote.crypto.verify.VerificationReport;

/**
 * The key ceremony for guardians on separate offline machines exchanging files (docs/protocol.md §7): each
 * guardian initialises (public record + sealed polynomial), exchanges (checks every record's proofs, writes an
 * encrypted share for each other guardian), and finishes (checks the shares addressed to it — a bad one is named
 * in a complaint file, which the accused answers with a reveal — and seals its key share). Every guardian ends with
 * the same election.json; the ceremony's public transcript is assembled from the exchanged files.
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

  static Path complaintFile(Path dir, int accuser, int accused) {
    return dir.resolve("complaint-" + accuser + "-against-" + accused + ".json");
  }

  static Path revealFile(Path dir, int from, int to) {
    return dir.resolve("reveal-" + from + "-to-" + to + ".json");
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
  List<ShareComplaint> finish(int index, Path polynomialFile, Path records, Path shares, Path reveals, Path out,
      char[] passphrase, char[] keyPassphrase, SecureRandom random)
      throws IOException, EncryptedKeyFile.WrongPassphraseException, CeremonyException {
    GuardianCeremony me = resume(index, polynomialFile, passphrase);
    List<GuardianRecord> all = readRecords(records);
    List<ShareComplaint> complaints = new ArrayList<>();
    for (GuardianRecord sender : all) {
      if (sender.index() == index) {
        continue;
      }
      Path revealed = reveals == null ? null : revealFile(reveals, sender.index(), index);
      if (revealed != null && Files.exists(revealed)) {
        // The answer to this guardian's complaint (§7.3): accepted only if it passes check 5.
        ShareReveal r = CeremonyJson.decodeReveal(Fields.of(JsonText.readObject(revealed)));
        if (r.sender() != sender.index() || !me.acceptReveal(r, sender)) {
          complaints.add(new ShareComplaint(index, sender.index(), "revealed share fails the public check"));
        }
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
        JsonText.write(complaintFile(out, c.accuser(), c.accused()), CeremonyJson.encode(c));
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

  /**
   * The accused's answer (§7.3): for every complaint against guardian {@code index} in {@code complaints}, writes
   * the share it owes the accuser in the clear ({@code reveal-I-to-L.json}). Returns how many.
   */
  int reveal(int index, Path polynomialFile, Path complaints, Path out, char[] passphrase)
      throws IOException, EncryptedKeyFile.WrongPassphraseException, CeremonyException {
    GuardianCeremony me = resume(index, polynomialFile, passphrase);
    Files.createDirectories(out);
    int n = 0;
    for (ShareComplaint c : readComplaints(complaints)) {
      if (c.accused() == index) {
        JsonText.write(revealFile(out, index, c.accuser()), CeremonyJson.encode(me.reveal(c.accuser())));
        n++;
      }
    }
    return n;
  }

  /**
   * The ceremony's public transcript (§10.3) from the files the guardians exchanged: every share file, complaint
   * and reveal, bound to the election the records make. Writes {@code ceremony_transcript.json} into {@code out}
   * and returns what V18 finds wrong with it (nothing for a complete ceremony).
   */
  List<VerificationReport.Failure> transcript(Path records, Path shares, Path complaints, Path reveals, Path out)
      throws IOException, CeremonyException {
    List<GuardianRecord> all = readRecords(records);
    ElectionConfig config = new ElectionConfig(manifest, guardians, quorum, all);
    List<EncryptedShare> sent = new ArrayList<>();
    for (int i = 1; i <= guardians; i++) {
      for (int l = 1; l <= guardians; l++) {
        Path f = shareFile(shares, i, l);
        if (i != l && Files.exists(f)) {
          sent.add(CeremonyJson.decodeShare(Fields.of(JsonText.readObject(f))));
        }
      }
    }
    List<ShareComplaint> complained = complaints == null ? List.of() : readComplaints(complaints);
    List<ShareReveal> revealed = new ArrayList<>();
    for (ShareComplaint c : complained) {
      Path f = reveals == null ? null : revealFile(reveals, c.accused(), c.accuser());
      if (f != null && Files.exists(f)) {
        revealed.add(CeremonyJson.decodeReveal(Fields.of(JsonText.readObject(f))));
      }
    }
    CeremonyTranscript t = new CeremonyTranscript(baseHash, config.extendedHash(), sent, complained, revealed);
    RecordWriter.writeTranscript(out, t);
    return TranscriptCheck.failures(config, t);
  }

  /** Every complaint file in {@code dir}, in order of accuser, then accused. */
  private List<ShareComplaint> readComplaints(Path dir) throws IOException {
    List<ShareComplaint> out = new ArrayList<>();
    for (int accuser = 1; accuser <= guardians; accuser++) {
      for (int accused = 1; accused <= guardians; accused++) {
        Path f = complaintFile(dir, accuser, accused);
        if (accuser != accused && Files.exists(f)) {
          ShareComplaint c = CeremonyJson.decodeComplaint(Fields.of(JsonText.readObject(f)));
          if (c.accuser() == accuser && c.accused() == accused) {
            out.add(c);
          }
        }
      }
    }
    return out;
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
