package org.evote.launcher.election;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.evote.crypto.count.RankedResult;
import org.evote.crypto.count.WriteInCount;
import org.evote.crypto.decrypt.ElectionResult;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.json.ManifestJson;
import org.evote.crypto.keystore.KioskCredentials;
import org.evote.crypto.keystore.SecretFiles;
import org.evote.crypto.manifest.Manifest;
import org.evote.crypto.note.SignatureType;
import org.evote.crypto.note.SignedNote;
import org.evote.crypto.note.VerifierKey;
import org.evote.crypto.notice.ElectionNotice;
import org.evote.crypto.notice.NoticeJson;
import org.evote.crypto.record.RecordFiles;
import org.evote.crypto.verify.Step;
import org.evote.crypto.verify.VerificationReport;
import org.evote.kiosk.robot.RobotVoter;
import org.evote.server.BoardHost;
import org.evote.tally.service.CeremonyService;
import org.evote.tally.service.NoticeService;
import org.evote.tally.service.TallyPublication;
import org.evote.tally.service.TallyService;

/**
 * A complete mock election with the real programs on one machine: the tally tool's key ceremony, a ballot server on
 * its embedded SQLite board with two witnesses cosigning its checkpoints (quorum 2), the election notice made from
 * the board, robot kiosks voting through the kiosk's own code path over loopback HTTP, the polls closed, the board
 * downloaded with its checkpoint, the tally decrypted by a quorum of guardians, the tally published, and the whole
 * record — with the final checkpoint cosigned by both witnesses — verified against the notice; the result is
 * compared with the plaintext truth the robots kept. Everything it makes stays in the output folder.
 */
public final class MockElection implements AutoCloseable {
  /** The embedded default manifest: a real county general election (8 contests, 11 ballot styles). */
  public static final String DEFAULT_MANIFEST = "manifest-hamilton-general.json";
  /** The id of the kiosk registered on the practice board for a person's kiosk window. */
  public static final String DESK_KIOSK = "DESK-1";
  /** The demo's witnesses, and how many of them must cosign. */
  public static final int WITNESSES = 2;
  public static final int WITNESS_QUORUM = 2;
  /** How long the demo waits for a checkpoint of the whole board cosigned by the quorum. */
  static final Duration COSIGNING_PATIENCE = Duration.ofMinutes(2);

  /** What to run. {@code manifest} empty means the embedded county manifest; {@code port} 0 means any free port. */
  public record Settings(Optional<Path> manifest, int guardians, int quorum, int kiosks, int ballots,
      double challengeRate, Path out, int port) {
    public Settings {
      if (guardians < 1 || quorum < 1 || quorum > guardians) {
        throw new IllegalArgumentException("need 1 ≤ quorum ≤ guardians");
      }
      if (kiosks < 1 || kiosks > 999) {
        throw new IllegalArgumentException("--kiosks is between 1 and 999");
      }
      if (ballots < 0) {
        throw new IllegalArgumentException("--ballots is not negative");
      }
      if (!(challengeRate >= 0 && challengeRate <= 1)) {
        throw new IllegalArgumentException("--challenge-rate is between 0 and 1");
      }
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("--port is between 0 and 65535");
      }
    }
  }

  /**
   * What the election established: the homomorphic result and the truth of its contests, the mixed contests' counts
   * ({@code ranked}, {@code writeIns}) with the robots' write-in names ({@code namesTruth}, contest id → name →
   * ballots) and every way they differ from the robots' truth ({@code mixedProblems}).
   */
  public record Outcome(ElectionResult result, Map<String, Map<String, Long>> truth, long cast, long challenged,
      VerificationReport report, List<String> boardProblems, Path record, Path notice, SignedNote checkpoint,
      List<RankedResult> ranked, List<WriteInCount> writeIns, Map<String, Map<String, Long>> namesTruth,
      List<String> mixedProblems) {
    /**
     * The record verifies against the election notice with every trust check made (V20 passes: the board's keys,
     * the kiosks and the witnesses' quorum are the notice's), every ballot is on the board once, the decrypted
     * counts equal the truth, and so do every round of each ranked contest and the write-in names.
     */
    public boolean succeeded() {
      return report.isValid() && anchored() && boardProblems.isEmpty() && result.castBallots() == cast
          && result.challengedBallots() == challenged && countsMatch(result, truth) && mixedProblems.isEmpty();
    }

    /** V20 passed and no trust check was left unmade. */
    public boolean anchored() {
      return report.anchored() && report.outcome(Step.V20_ELECTION_NOTICE).status() == VerificationReport.Status.PASS;
    }
  }

  private final Settings settings;
  private final SecureRandom random;
  private final PrintStream log;
  private final Path out;
  private LocalBoard board;
  private LocalBoard practice;
  private final List<LocalWitness> witnesses = new ArrayList<>();
  private ElectionNotice notice;

  public MockElection(Settings settings, SecureRandom random, PrintStream log) {
    this.settings = settings;
    this.random = random;
    this.log = log;
    this.out = settings.out().toAbsolutePath().normalize();
  }

  /** The board, serving, once {@link #run} has started it (for {@code --keep-serving}). */
  public LocalBoard board() {
    return board;
  }

  /** The witnesses, serving, once {@link #run} has started them. */
  public List<LocalWitness> witnesses() {
    return List.copyOf(witnesses);
  }

  public Outcome run() throws Exception {
    Manifest manifest;
    try {
      manifest = ManifestJson.decode(JsonText.parseObject(manifestText(settings.manifest())));
    } catch (org.evote.crypto.InvalidFieldException e) {
      throw new IOException("the manifest is not a valid ElectionGuard 1.0 manifest: " + e.getMessage(), e);
    }
    // Everything that can refuse the run is checked before the key ceremony writes anything.
    DemoFolder.requirePortFree(settings.port());
    DemoFolder.prepare(out, log);
    try {
      Outcome outcome = runIn(manifest);
      DemoFolder.finished(out);
      return outcome;
    } catch (Exception e) {
      log.printf("%nThe demo did not finish; %s is marked unfinished, and the same command (same --out) starts it "
          + "again there.%n", out);
      throw e;
    }
  }

  private Outcome runIn(Manifest manifest) throws Exception {
    log.printf("Mock election: %s%n  %d contests, %d ballot styles; output in %s%n",
        manifest.name().in("en").orElse(manifest.electionScopeId()), manifest.contests().size(),
        manifest.ballotStyles().size(), out);
    Path guardians = out.resolve("guardians");
    ElectionConfig config = keyCeremony(manifest, guardians);
    Path electionFile = guardians.resolve("election.json");
    List<KioskCredentials> robots = openBoard(electionFile);
    Path boardFile = out.resolve("closed").resolve(RecordFiles.BOARD);
    Voting voting = vote(config, robots, boardFile);

    // 6. The mix cascade, when the manifest has ranked contests or write-in lines: every guardian mixes in turn
    Optional<DemoMixing.Cascade> cascade = Optional.empty();
    if (MixedTruth.applies(manifest)) {
      log.printf("%n6. Mixing the ranked contests and write-in names: each of the %d guardians in turn re-encrypts, "
          + "permutes and proves every mixed list (as tally mix does, offline)%n", settings.guardians());
      cascade = Optional.of(DemoMixing.run(guardians, settings.guardians(), electionFile, boardFile,
          out.resolve("mixes"), random, log));
    }

    // 7. Tally by a quorum
    Path record = out.resolve("record");
    int threads = Runtime.getRuntime().availableProcessors();
    DemoTally.Tallied tally = DemoTally.run(manifest, config, settings.guardians(), guardians, electionFile,
        boardFile, cascade, record, voting.voted(), random, log);
    TallyService.Outcome tallied = tally.outcome();

    // 8. Tally published on the board; the final board and its cosigned checkpoint go into the record (as tally
    // publish --notice does), which is verified in full against the notice
    board.publishTally(TallyPublication.of(record));
    SignedNote checkpoint = board.download(record, Optional.of(notice.witnessPolicy()), COSIGNING_PATIENCE).note();
    Path noticeFile = out.resolve("notice.json");
    VerificationReport report = RecordFiles.verify(record, noticeFile, random, threads, n -> { });
    log.printf("%n8. Tally published on the board; the final board and its checkpoint, cosigned by %d of %d "
        + "witnesses, downloaded into the record%n   %s:%n", WITNESS_QUORUM, WITNESSES,
        record.resolve(RecordFiles.CHECKPOINT));
    CheckpointView.lines(checkpoint, notice).forEach(l -> log.println(l.isEmpty() ? "" : "     " + l));
    log.printf("%n   The record verified against the notice (docs/protocol.md §10.4):%n");
    log.print(report.render().indent(3));

    long challenged = voting.voted().stream().filter(e -> e.receipt().challenged()).count();
    Outcome outcome = new Outcome(tallied.result(), voting.truth(), voting.voted().size() - challenged, challenged,
        report, voting.problems(), record, noticeFile, checkpoint, tallied.ranked(), tallied.writeIns(),
        tally.namesTruth(), tally.mixedProblems());
    ResultView.print(log, manifest, outcome);
    return outcome;
  }

  /** Step 1: the tally tool's key ceremony; each guardian's passphrase is written beside the key it seals. */
  private ElectionConfig keyCeremony(Manifest manifest, Path guardians) throws IOException,
      org.evote.tally.service.ManifestReview.NotConfirmedException {
    List<char[]> passphrases = new ArrayList<>();
    Files.createDirectories(guardians);
    for (int i = 1; i <= settings.guardians(); i++) {
      String p = secret();
      SecretFiles.writeOwnerOnly(guardians.resolve("guardian-" + i + ".pass"), p + "\n");
      passphrases.add(p.toCharArray());
    }
    // The demo confirms the manifest's warnings as a script does (--accept-manifest-warnings), printing them.
    org.evote.tally.service.ManifestReview review = org.evote.tally.service.ManifestReview.of(manifest);
    if (review.hasWarnings()) {
      log.printf("%n   The manifest has %d warning%s, accepted for this demo as --accept-manifest-warnings "
          + "does:%n", review.count(), review.count() == 1 ? "" : "s");
      review.lines().forEach(l -> log.println("     warning: " + l));
    }
    ElectionConfig config = new CeremonyService(random).run(manifest, settings.guardians(), settings.quorum(),
        passphrases, guardians, true);
    passphrases.forEach(p -> java.util.Arrays.fill(p, '\0'));
    log.printf("%n1. Key ceremony: %d guardians, any %d of them can decrypt%n   election %s%n   keys sealed in "
        + "%s (passphrases beside them, for this demo only)%n", settings.guardians(), settings.quorum(),
        config.extendedHash().toHex(), guardians);
    return config;
  }

  /**
   * Steps 2–3: the ballot server on its SQLite board and its two witnesses (each trusting the board's checkpoint
   * key; the board submitting every checkpoint to both, quorum 2), the robot kiosks registered, the election notice
   * made from the board as {@code tally notice --server} does, the polls opened.
   */
  private List<KioskCredentials> openBoard(Path electionFile) throws Exception {
    String boardPass = secret();
    SecretFiles.writeOwnerOnly(out.resolve("board.pass"), boardPass + "\n");
    board = LocalBoard.create(out.resolve("board"), electionFile, boardPass.toCharArray(), random);
    VerifierKey checkpointKey = board.checkpointKey();
    List<ElectionNotice.Witness> listed = startWitnesses(checkpointKey);
    board.witnessedBy(new BoardHost.Witnesses(listed, WITNESS_QUORUM,
        Duration.ofSeconds(10)));
    board.start("127.0.0.1", settings.port());
    log.printf("%n2. Ballot server on an embedded SQLite board (%s), serving %s%n   checkpoint key %s%n",
        board.data().database(), board.uri(), checkpointKey.encoded());
    for (int i = 0; i < witnesses.size(); i++) {
      log.printf("   witness %s serving %s, cosigning with its %s key (quorum %d of %d)%n", witnesses.get(i).name(),
          witnesses.get(i).uri(), keyType(listed.get(i).key()), WITNESS_QUORUM, WITNESSES);
    }
    List<KioskCredentials> robots = new ArrayList<>();
    for (int i = 1; i <= settings.kiosks(); i++) {
      robots.add(board.registerKiosk(String.format("K-%02d", i)));
    }
    Path noticeFile = out.resolve("notice.json");
    notice = new NoticeService(random).fromServer(board.client(), listed, WITNESS_QUORUM).notice();
    NoticeService.write(notice, noticeFile);
    board.openPolls();
    log.printf("%n3. %d robot kiosks registered; election notice %s (board keys, %d kiosks, %d witnesses, quorum "
        + "%d)%n   notice hash %s%n   polls open%n", settings.kiosks(), noticeFile, notice.kiosks().size(),
        notice.witnesses().size(), notice.witnessQuorum(), NoticeJson.hash(notice).toHex());
    return robots;
  }

  /**
   * Makes and serves the demo's witnesses, {@code witness-<i>.demo.invalid} in {@code witness-<i>/} (passphrases
   * beside them, for this demo only), trusting the board's checkpoint key. The first is listed with its Ed25519
   * key, the second with its ML-DSA-44 key, so that the final checkpoint shows both kinds of cosignature.
   */
  private List<ElectionNotice.Witness> startWitnesses(VerifierKey checkpointKey) throws IOException {
    List<ElectionNotice.Witness> listed = new ArrayList<>();
    for (int i = 1; i <= WITNESSES; i++) {
      String pass = secret();
      SecretFiles.writeOwnerOnly(out.resolve("witness-" + i + ".pass"), pass + "\n");
      LocalWitness w = LocalWitness.create(out.resolve("witness-" + i),
          new org.evote.witness.WitnessName("witness-" + i + ".demo.invalid"), pass.toCharArray(), random);
      witnesses.add(w);
      w.start("127.0.0.1", 0, checkpointKey);
      listed.add(new ElectionNotice.Witness(w.uri(), w.key(i % 2 == 1 ? SignatureType.COSIGNATURE_ED25519
          : SignatureType.COSIGNATURE_ML_DSA_44)));
    }
    return listed;
  }

  private static String keyType(VerifierKey k) {
    return k.type() == SignatureType.COSIGNATURE_ED25519 ? "Ed25519" : "ML-DSA-44";
  }

  /** What the robots voted, the truth they kept, and what the audit of the exported board found. */
  private record Voting(List<RobotVoter.Entry> voted, Map<String, Map<String, Long>> truth, List<String> problems) {}

  /** Steps 4–5: the robots vote; the polls close; the board is exported and audited against the receipts. */
  private Voting vote(ElectionConfig config, List<KioskCredentials> robots, Path boardFile) throws Exception {
    log.printf("%n4. Voting: %d ballots, about %.0f%% challenged (opened on the board, never counted)%n",
        settings.ballots(), settings.challengeRate() * 100);
    long started = System.nanoTime();
    try (RobotKiosks kiosks = new RobotKiosks(config, board.uri(), robots, out.resolve("kiosks"),
        settings.challengeRate(), random)) {
      List<RobotVoter.Entry> voted = kiosks.vote(settings.ballots());
      if (!kiosks.awaitUploads(Duration.ofMinutes(2))) {
        throw new IOException(kiosks.pending() + " ballots are still waiting in the kiosks' outboxes");
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      kiosks.writeLogs(out.resolve("robots"));
      log.printf("   %d ballots on the board in %.1f s; robots' logs (choices and tracking codes) in %s%n",
          voted.size(), seconds, out.resolve("robots"));
      voted.stream().limit(3).forEach(e -> log.printf("   %s  %s  %s%n", e.receipt().kioskId(),
          e.receipt().trackingCode(), e.receipt().challenged() ? "challenged" : "cast"));
      if (kiosks.refused() > 0) {
        throw new IOException("the board refused " + kiosks.refused() + " robot ballots");
      }
      board.closePolls();
      // as tally fetch --notice: the board file and its checkpoint of exactly those entries, cosigned
      board.download(boardFile.getParent(), Optional.of(notice.witnessPolicy()), COSIGNING_PATIENCE);
      List<String> problems = BoardAudit.problems(BoardAudit.ballots(boardFile), voted);
      long challenged = voted.stream().filter(e -> e.receipt().challenged()).count();
      log.printf("%n5. Polls closed; board downloaded with its cosigned checkpoint to %s%n   %d cast, %d challenged; "
          + "%s%n", boardFile.getParent(), voted.size() - challenged, challenged, problems.isEmpty()
              ? "every ballot the kiosks gave a receipt for is on it exactly once"
              : problems.size() + " PROBLEMS:\n     " + String.join("\n     ", problems));
      return new Voting(voted, kiosks.truth(), problems);
    }
  }

  /** The manifest file's text, or the embedded county manifest's. */
  public static String manifestText(Optional<Path> manifest) throws IOException {
    if (manifest.isPresent()) {
      try {
        return Files.readString(manifest.get());
      } catch (IOException e) {
        throw new IOException("cannot read the manifest " + manifest.get() + ": " + (e instanceof
            java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()), e);
      }
    }
    try (InputStream in = MockElection.class.getResourceAsStream("/org/evote/launcher/" + DEFAULT_MANIFEST)) {
      if (in == null) {
        throw new IOException("the embedded manifest is missing from the build");
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  /**
   * For {@code --keep-serving}: a second board for the same election with the polls open and a desk kiosk
   * registered, so that a person can vote in a real kiosk window (the election's own board is closed by then).
   * Its ballots are never part of the election's record. The kiosk's credentials, their passphrase ({@code .pass})
   * and a poll worker PIN ({@code .pin}, six digits) are written to {@code kiosks/}.
   */
  public LocalBoard openPracticeBoard() throws Exception {
    String pass = secret();
    SecretFiles.writeOwnerOnly(out.resolve("practice-board.pass"), pass + "\n");
    practice = LocalBoard.create(out.resolve("practice-board"), out.resolve("guardians/election.json"),
        pass.toCharArray(), random, true);
    practice.start("127.0.0.1", 0);
    KioskCredentials desk = practice.registerKiosk(DESK_KIOSK);
    String kioskPass = secret();
    Path kioskDir = out.resolve("kiosks");
    SecretFiles.writeOwnerOnly(kioskDir.resolve(DESK_KIOSK + ".pass"), kioskPass + "\n");
    String pin = String.format("%06d", random.nextInt(1_000_000));
    SecretFiles.writeOwnerOnly(kioskDir.resolve(DESK_KIOSK + ".pin"), pin + "\n");
    desk.write(kioskDir.resolve(DESK_KIOSK + ".credentials"), kioskPass.toCharArray(), random);
    practice.openPolls();
    return practice;
  }

  /** A random passphrase (130 bits), for the demo's generated guardians, board, witnesses and kiosk. */
  private String secret() {
    return new java.math.BigInteger(130, random).toString(32);
  }

  static boolean countsMatch(ElectionResult result, Map<String, Map<String, Long>> truth) {
    for (ElectionResult.Contest c : result.contests()) {
      for (ElectionResult.Selection s : c.selections()) {
        long t = truth.getOrDefault(c.contestId(), Map.of()).getOrDefault(s.selectionId(), 0L);
        if (s.count() != t) {
          return false;
        }
      }
    }
    // Nothing the robots marked may be missing from the result.
    for (var c : truth.entrySet()) {
      for (var s : c.getValue().entrySet()) {
        if (!result.count(c.getKey(), s.getKey()).equals(Optional.of(s.getValue()))) {
          return false;
        }
      }
    }
    return true;
  }

  /** Closes the boards, then the witnesses. */
  @Override
  public void close() {
    if (practice != null) {
      practice.close();
    }
    if (board != null) {
      board.close();
    }
    witnesses.forEach(LocalWitness::close);
  }
}
