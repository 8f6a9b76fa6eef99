package org.evote.kiosk.robot;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.evote.crypto.ballot.RandomBallots;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.manifest.Manifest;
import org.evote.kiosk.service.BallotCaster;
import org.evote.kiosk.service.ChainBrokenException;
import org.evote.kiosk.service.LocalReceipt;
import org.evote.kiosk.service.PreparedBallot;
import org.evote.kiosk.service.ReceiptDocument;
import org.evote.kiosk.session.Texts;

/**
 * Casts random valid ballots headless through the kiosk's own encrypt-and-cast path:
 * each ballot picks a style and, in every contest, between zero and the allowed number of selections (a ranked
 * contest: a random ranking of 1 … L of them; a marked write-in line gets a realistic name); a fraction
 * is challenged instead of cast. Given a receipts folder, it saves each ballot's receipt PDF there exactly as the
 * kiosk's screens do ({@link ReceiptDocument#save}), in a language of the manifest picked at random. The log
 * lists every ballot with its choices so a mock election's tally can be checked against the truth — it exists only
 * for robots, never for real voters.
 */
public final class RobotVoter {
  private final BallotCaster caster;
  private final SecureRandom random;
  private final double challengeRate;
  private final Optional<Path> receipts;
  private final List<Entry> log = new ArrayList<>();
  private volatile Optional<ChainBrokenException> stopped = Optional.empty();

  /**
   * One robot ballot: what was chosen (per contest the selection ids, a ranked contest's in rank order, first
   * preference first), whether it was cast, and its receipt; {@code encryptNanos} is the time to encrypt and prove
   * it, {@code receiptNanos} the time from the voter's cast (or challenge) to the receipt; {@code writeIns} is
   * contest id → the name written (a robot writes at most one name per contest, on its marked or ranked write-in
   * line).
   */
  public record Entry(String styleId, Map<String, List<String>> choices, LocalReceipt receipt, long encryptNanos,
      long receiptNanos, Map<String, String> writeIns) {
    public Entry {
      choices = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(choices));
      writeIns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(writeIns));
    }

    /** An entry without write-in names. */
    public Entry(String styleId, Map<String, List<String>> choices, LocalReceipt receipt, long encryptNanos,
        long receiptNanos) {
      this(styleId, choices, receipt, encryptNanos, receiptNanos, Map.of());
    }
  }

  /** A robot that keeps no receipt files (load runs and tests that only need the board). */
  public RobotVoter(BallotCaster caster, SecureRandom random, double challengeRate) {
    this(caster, random, challengeRate, Optional.empty());
  }

  /** A robot that saves every receipt PDF in {@code receipts} (the kiosk's {@code --data}/receipts), if present. */
  public RobotVoter(BallotCaster caster, SecureRandom random, double challengeRate, Optional<Path> receipts) {
    if (challengeRate < 0 || challengeRate > 1) {
      throw new IllegalArgumentException("the challenge rate is between 0 and 1");
    }
    this.caster = caster;
    this.random = random;
    this.challengeRate = challengeRate;
    this.receipts = receipts;
  }

  /**
   * Votes {@code ballots} ballots; returns the receipts in order. Stops early, as a kiosk does, once no new ballot
   * can be started ({@link ChainBrokenException}; {@link #stopped} says why).
   */
  public List<Entry> vote(int ballots) throws InterruptedException {
    List<Entry> done = new ArrayList<>();
    for (int i = 0; i < ballots && stopped.isEmpty(); i++) {
      voteOne().ifPresent(done::add);
    }
    return done;
  }

  /** Votes one ballot after another until {@code deadlineNanos} ({@link System#nanoTime()}) has passed (or stopped). */
  public List<Entry> voteUntil(long deadlineNanos) throws InterruptedException {
    List<Entry> done = new ArrayList<>();
    while (System.nanoTime() - deadlineNanos < 0 && stopped.isEmpty()) {
      voteOne().ifPresent(done::add);
    }
    return done;
  }

  /** Why the robot stopped before its ballots were done: the kiosk can start no new ballot. */
  public Optional<ChainBrokenException> stopped() {
    return stopped;
  }

  /** Everything voted so far, in order. */
  public List<Entry> log() {
    synchronized (log) {
      return List.copyOf(log);
    }
  }

  private Optional<Entry> voteOne() throws InterruptedException {
    Manifest m = caster.config().manifest();
    String style = RandomBallots.style(m, random);
    RandomBallots.Marks marks = RandomBallots.marks(m, style, random);
    Map<String, List<String>> choices = marks.choices();
    long start = System.nanoTime();
    PreparedBallot p;
    try {
      p = caster.prepare(style, choices, marks.writeIns());
    } catch (ChainBrokenException e) {
      stopped = Optional.of(e);
      return Optional.empty();
    }
    long prepared = System.nanoTime();
    LocalReceipt r = random.nextDouble() < challengeRate ? caster.challenge(p) : caster.cast(p);
    Entry e = new Entry(style, choices, r, prepared - start, System.nanoTime() - prepared, marks.namesByContest());
    if (receipts.isPresent()) {
      saveReceipt(receipts.get(), m, r);
    }
    synchronized (log) {
      log.add(e);
    }
    return Optional.of(e);
  }

  private void saveReceipt(Path dir, Manifest m, LocalReceipt r) {
    List<String> languages = m.languages().isEmpty() ? List.of("en") : m.languages();
    String language = languages.get(random.nextInt(languages.size()));
    String name = m.name().in(language).filter(n -> !n.isBlank()).orElse(m.electionScopeId());
    try {
      ReceiptDocument.save(dir, new Texts(language), name, r, ZoneId.systemDefault());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot save the receipt of " + r.ballotId(), e);
    }
  }

  /**
   * Writes the log: every ballot's style, choices per contest (ordered: a ranked contest's first preference first),
   * when it wrote any a {@code write_ins} member (contest id → name), cast or challenged, and tracking code.
   */
  public void writeLog(Path file) throws IOException {
    JsonArrayBuilder ballots = JsonText.array();
    synchronized (log) {
      for (Entry e : log) {
        JsonObjectBuilder choices = JsonText.object();
        e.choices().forEach((contest, sels) -> choices.add(contest, JsonText.array(sels)));
        JsonObjectBuilder one = JsonText.object().add("ballot_id", e.receipt().ballotId())
            .add("style_id", e.styleId()).add("choices", choices)
            .add("kind", e.receipt().challenged() ? "challenged" : "cast")
            .add("tracking_code", e.receipt().trackingCode())
            .add("confirmation_code", e.receipt().confirmationCode())
            .add("upload_pending", e.receipt().uploadPending());
        if (!e.writeIns().isEmpty()) {
          JsonObjectBuilder names = JsonText.object();
          e.writeIns().forEach(names::add);
          one.add("write_ins", names);
        }
        ballots.add(one);
      }
    }
    JsonText.write(file, JsonText.object().add("kind", "evote-robot-log").add("ballots", ballots).build());
  }
}
