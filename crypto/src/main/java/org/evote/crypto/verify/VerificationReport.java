package org.evote.crypto.verify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The outcome of every numbered step of protocol §10.4 for one election record: pass, fail (with how many objects
 * were checked and the first failures, each naming its object), not applicable (e.g. the tally steps for a board
 * that has not been tallied yet), not checked, or not run (its input is missing or unreadable). Only a step that
 * ran and found nothing wrong is PASS. {@link #wrongElection()} says first when the board is of another election.
 */
public record VerificationReport(List<StepOutcome> steps, Set<TrustCheck> trustChecksNotMade,
    List<RefusedBallot> refusedBallots, Optional<WrongElection> wrongElection) {
  public VerificationReport {
    steps = List.copyOf(steps);
    refusedBallots = List.copyOf(refusedBallots);
    trustChecksNotMade = trustChecksNotMade.isEmpty() ? Set.of()
        : Collections.unmodifiableSet(EnumSet.copyOf(trustChecksNotMade));
    java.util.Objects.requireNonNull(wrongElection, "wrongElection");
  }

  /** A report of a board of the election checked (no {@link WrongElection}). */
  public VerificationReport(List<StepOutcome> steps, Set<TrustCheck> trustChecksNotMade,
      List<RefusedBallot> refusedBallots) {
    this(steps, trustChecksNotMade, refusedBallots, Optional.empty());
  }

  /**
   * The board's entry 0 publishes another election than the election file: H_E of the election file and H_E in
   * the board's {@code election_published} entry, in hex. Every step over the board then fails or is meaningless;
   * this is the one thing to say first.
   */
  public record WrongElection(String electionFileHash, String boardElectionHash) {
    public WrongElection {
      if (electionFileHash == null || boardElectionHash == null || electionFileHash.equals(boardElectionHash)) {
        throw new IllegalArgumentException("a wrong election names two different election hashes");
      }
    }

    /** "This board belongs to another election: the election file's hash is X, the board's is Y". */
    public String headline() {
      return "This board belongs to another election: the election file's hash is " + electionFileHash
          + ", the board's is " + boardElectionHash;
    }
  }

  /** A report in which every trust check of the election notice was made (or none was possible). */
  public VerificationReport(List<StepOutcome> steps) {
    this(steps, Set.of());
  }

  /** A report of a board without refused ballots. */
  public VerificationReport(List<StepOutcome> steps, Set<TrustCheck> trustChecksNotMade) {
    this(steps, trustChecksNotMade, List.of());
  }

  /**
   * A ballot the board refused and recorded ({@code ballot_refused}, §9.6): never counted, listed so that observers
   * see every refusal and its reason.
   */
  public record RefusedBallot(String kioskId, String ballotId, String trackingCode, long sequence, String reason) {}

  /**
   * PASS, FAIL, NOT_APPLICABLE (nothing to check, e.g. the tally steps before the tally), NOT_CHECKED: there
   * was something to check but not what to check it against (V20 without an election notice, V17 without a tally
   * entry on the board), or NOT_RUN: the step could not run because its input is missing or unreadable (the steps
   * over a board file that does not exist). Only PASS means the step was checked and held.
   */
  public enum Status { PASS, FAIL, NOT_APPLICABLE, NOT_CHECKED, NOT_RUN }

  /**
   * The checks only an election notice (V20, protocol §12) makes: without it a record can be consistent and signed
   * yet come from another board with other keys and kiosks, or from a board no witness ever saw.
   */
  public enum TrustCheck {
    BOARD_KEY("the board's head-signing and checkpoint keys are the ones the officials published"),
    KIOSK_KEYS("the kiosks registered on the board are exactly the ones the officials published"),
    WITNESS_COSIGNATURES("the final checkpoint is cosigned by a quorum of the published witnesses");

    private final String description;

    TrustCheck(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  /** One failure: the object it concerns (guardian, entry, ballot, contest/selection, file) and why. */
  public record Failure(String object, String reason) {
    public Failure {
      if (object == null || reason == null) {
        throw new IllegalArgumentException("a failure names its object and reason");
      }
    }

    /** "object: reason". */
    @Override
    public String toString() {
      return object + ": " + reason;
    }
  }

  /** One step's outcome; {@code failures} holds at most {@link #MAX_FAILURES} of them. */
  public record StepOutcome(Step step, Status status, long checked, List<Failure> failures, String note) {
    public StepOutcome {
      failures = List.copyOf(failures);
    }
  }

  public static final int MAX_FAILURES = 10;

  /** True if every trust check of V20 was made: the record was checked against an election notice with witnesses. */
  public boolean anchored() {
    return trustChecksNotMade.isEmpty();
  }

  /** True if no step failed and the board is of the election checked. */
  public boolean isValid() {
    return wrongElection.isEmpty() && steps.stream().noneMatch(s -> s.status() == Status.FAIL);
  }

  public StepOutcome outcome(Step step) {
    return steps.stream().filter(s -> s.step() == step).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("step " + step + " not in report"));
  }

  /** The first failing step, if any. */
  public Optional<StepOutcome> firstFailure() {
    return steps.stream().filter(s -> s.status() == Status.FAIL).findFirst();
  }

  /** A plain-text report: one line per step, failures indented under it. */
  public String render() {
    StringBuilder out = new StringBuilder();
    wrongElection.ifPresent(w -> out.append(w.headline()).append(
        ".\nThe steps below fail because of it; verify this board with its own election file.\n"));
    for (StepOutcome s : steps) {
      String status = switch (s.status()) {
        case PASS -> "PASS";
        case FAIL -> "FAIL";
        case NOT_APPLICABLE -> "n/a ";
        case NOT_CHECKED -> "----";
        case NOT_RUN -> "SKIP";
      };
      out.append(String.format("%-4s %s  %s", s.step().id(), status, s.step().title()));
      if (s.checked() > 0) {
        out.append(" (").append(s.checked()).append(" checked)");
      }
      if (!s.note().isEmpty()) {
        out.append(" — ").append(s.note());
      }
      out.append('\n');
      for (Failure f : s.failures()) {
        out.append("       ").append(f).append('\n');
      }
    }
    if (!refusedBallots.isEmpty()) {
      out.append("REFUSED BALLOTS (recorded by the board, never counted; docs/protocol.md §9.6), by kiosk:\n");
      refusedBallots.stream().sorted(java.util.Comparator.comparing(RefusedBallot::kioskId)
          .thenComparingLong(RefusedBallot::sequence)).forEach(r -> out.append("       kiosk ").append(r.kioskId())
          .append(": ballot ").append(r.ballotId()).append(" (").append(r.trackingCode()).append(") at entry ")
          .append(r.sequence()).append(": ").append(r.reason()).append('\n'));
    }
    if (!trustChecksNotMade.isEmpty()) {
      out.append("NOT CHECKED (no election notice, or a notice without witnesses; docs/protocol.md §12):\n");
      for (TrustCheck t : trustChecksNotMade) {
        out.append("       ").append(t.description()).append('\n');
      }
    }
    out.append(isValid() ? "RESULT: all steps passed\n" : "RESULT: verification FAILED\n");
    return out.toString();
  }

  /** Collects the outcome of one step. */
  static final class Recorder {
    private final Step step;
    private long checked;
    private final List<Failure> failures = new ArrayList<>();
    private long failureCount;
    private String note = "";

    Recorder(Step step) {
      this.step = step;
    }

    synchronized void checked(long n) {
      checked += n;
    }

    synchronized void fail(String object, String reason) {
      failureCount++;
      if (failures.size() < MAX_FAILURES) {
        failures.add(new Failure(object, reason));
      }
    }

    synchronized void fail(VerificationResult.Invalid invalid) {
      fail(invalid.object(), invalid.reason());
    }

    void note(String n) {
      note = n;
    }

    boolean failed() {
      return failureCount > 0;
    }

    StepOutcome outcome() {
      String n = note;
      if (failureCount > failures.size()) {
        n = (n.isEmpty() ? "" : n + "; ") + failureCount + " failures in all";
      }
      return new StepOutcome(step, failureCount > 0 ? Status.FAIL : Status.PASS, checked, failures, n);
    }

    static StepOutcome notApplicable(Step step, String why) {
      return new StepOutcome(step, Status.NOT_APPLICABLE, 0, List.of(), why);
    }

    static StepOutcome notChecked(Step step, String why) {
      return new StepOutcome(step, Status.NOT_CHECKED, 0, List.of(), why);
    }

    static StepOutcome notRun(Step step, String why) {
      return new StepOutcome(step, Status.NOT_RUN, 0, List.of(), why);
    }
  }
}
