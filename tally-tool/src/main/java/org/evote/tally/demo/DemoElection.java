package org.evote.tally.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.evote.crypto.board.BulletinBoard;
import org.evote.crypto.board.EntryPayload;
import org.evote.crypto.ceremony.GuardianKey;
import org.evote.crypto.ceremony.KeyCeremony;
import org.evote.crypto.decrypt.DecryptionShare;
import org.evote.crypto.decrypt.Decryptor;
import org.evote.crypto.decrypt.ElectionResult;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.election.ElectionHashes;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.json.BoardJson;
import org.evote.crypto.json.JsonHashes;
import org.evote.crypto.json.TallyJson;
import org.evote.crypto.manifest.Manifest;
import org.evote.crypto.record.RecordFiles;
import org.evote.crypto.record.RecordWriter;
import org.evote.crypto.tally.EncryptedTally;
import org.evote.crypto.tally.TallyAccumulator;
import org.evote.crypto.verify.RecordVerifier;
import org.evote.crypto.verify.VerificationReport;

/**
 * An offline demonstration of the whole protocol on one machine: key ceremony, a board with two kiosks, encrypted
 * ballots (some challenged), homomorphic tally, decryption by a quorum of guardians, the published record and its
 * full verification, with the result printed beside the plaintext truth. Issue 6 replaces it with a mock election
 * that runs the real server and kiosks.
 */
public final class DemoElection {
  private final Manifest manifest;
  private final int guardians;
  private final int quorum;
  private final int ballots;
  private final double challengeRate;
  private final Path out;
  private final SecureRandom random;
  private final PrintStream log;

  public DemoElection(Manifest manifest, int guardians, int quorum, int ballots, double challengeRate, Path out,
      SecureRandom random, PrintStream log) {
    this.manifest = manifest;
    this.guardians = guardians;
    this.quorum = quorum;
    this.ballots = ballots;
    this.challengeRate = challengeRate;
    this.out = out;
    this.random = random;
    this.log = log;
  }

  /** What the demo established. */
  public record Outcome(ElectionResult result, Map<String, Map<String, Long>> truth, VerificationReport report) {
    /** True when the decrypted counts equal the truth and the record verifies. */
    public boolean succeeded() {
      return report.isValid() && matches(result, truth);
    }
  }

  public Outcome run() throws IOException, Decryptor.DecryptionException {
    log.printf("Election: %s (%d contests, %d ballot styles)%n", manifest.name().in("en").orElse(
        manifest.electionScopeId()), manifest.contests().size(), manifest.ballotStyles().size());

    log.printf("%n1. Key ceremony: %d guardians, any %d can decrypt%n", guardians, quorum);
    Digest baseHash = ElectionHashes.baseHash(manifest, guardians, quorum);
    KeyCeremony.Outcome ceremony = KeyCeremony.run(baseHash, guardians, quorum, random);
    ElectionConfig config = new ElectionConfig(manifest, guardians, quorum, ceremony.records());
    Digest he = config.extendedHash();
    log.printf("   joint key K = %s%n   extended hash H_E = %s%n", config.jointKey().element().toHex(), he.toHex());

    log.printf("%n2. Bulletin board opened; kiosks %s registered; polls open%n", MockPolling.KIOSKS);
    log.printf("%n3. Voting: %d ballots, about %.0f%% challenged (opened, never counted)%n", ballots,
        challengeRate * 100);
    MockPolling.Polling polling = new MockPolling(config, random).vote(ballots, challengeRate);
    BulletinBoard board = polling.board();
    Map<String, Map<String, Long>> truth = polling.truth();
    long challenged = polling.challenged();
    List<String> codes = polling.trackingCodes();
    for (int i = 0; i < codes.size(); i++) {
      if (i < 3 || i == codes.size() - 1) {
        log.println("   " + codes.get(i));
      } else if (i == 3) {
        log.println("   …");
      }
    }
    long time = board.entries().get(board.entries().size() - 1).timestamp() + 1;

    log.printf("%n4. Polls closed: homomorphic tally of %d cast ballots%n", ballots - challenged);
    TallyAccumulator acc = new TallyAccumulator(manifest);
    for (var e : board.entries()) {
      if (BoardJson.decodePayload(e) instanceof EntryPayload.BallotCast c) {
        acc.add(c.ballot());
      }
    }
    EncryptedTally tally = acc.result();

    List<GuardianKey> present = chooseQuorum(ceremony.keys());
    log.printf("%n5. Decryption by guardians %s (any %d of %d)%n", present.stream().map(GuardianKey::index).toList(),
        quorum, guardians);
    Decryptor decryptor = new Decryptor(config);
    List<DecryptionShare> shares = new ArrayList<>();
    for (GuardianKey g : present) {
      shares.add(decryptor.partialDecrypt(g, tally, random));
    }
    ElectionResult result = decryptor.combine(tally, shares, challenged);
    post(board, new EntryPayload.TallyPublished(JsonHashes.of(TallyJson.encode(tally)),
        RecordVerifier.sharesHash(shares.stream().map(TallyJson::encode).toList()),
        JsonHashes.of(TallyJson.encode(result))), time++);
    board.signHead(polling.boardKey(), time++);

    RecordWriter.writeElectionAndBoard(out, config, board.entries(), board.heads());
    RecordWriter.writeTally(out, tally, shares, result);
    printResult(result, truth);

    log.printf("%n6. Verifying the published record in %s (every step of docs/protocol.md §10.4)%n",
        out.toAbsolutePath());
    VerificationReport report = RecordFiles.verify(out, random, Runtime.getRuntime().availableProcessors(),
        n -> { });
    log.print(report.render().indent(3));
    return new Outcome(result, truth, report);
  }

  private static void post(BulletinBoard board, EntryPayload p, long time) {
    MockPolling.post(board, p, time);
  }

  private List<GuardianKey> chooseQuorum(List<GuardianKey> keys) {
    List<GuardianKey> shuffled = new ArrayList<>(keys);
    Collections.shuffle(shuffled, random);
    List<GuardianKey> chosen = new ArrayList<>(shuffled.subList(0, quorum));
    chosen.sort(java.util.Comparator.comparingInt(GuardianKey::index));
    return chosen;
  }

  static boolean matches(ElectionResult result, Map<String, Map<String, Long>> truth) {
    for (var c : truth.entrySet()) {
      for (var s : c.getValue().entrySet()) {
        if (!result.count(c.getKey(), s.getKey()).equals(java.util.Optional.of(s.getValue()))) {
          return false;
        }
      }
    }
    return true;
  }

  private void printResult(ElectionResult result, Map<String, Map<String, Long>> truth) {
    log.printf("%n   %-34s %9s %9s%n", "contest / selection", "decrypted", "truth");
    for (ElectionResult.Contest c : result.contests()) {
      log.printf("   %s%n", c.contestId());
      for (ElectionResult.Selection s : c.selections()) {
        long t = truth.get(c.contestId()).get(s.selectionId());
        log.printf("     %-32s %9d %9d %s%n", s.selectionId(), s.count(), t, s.count() == t ? "" : "MISMATCH");
      }
    }
    log.printf("   cast ballots %d, challenged ballots %d%n", result.castBallots(), result.challengedBallots());
  }
}
