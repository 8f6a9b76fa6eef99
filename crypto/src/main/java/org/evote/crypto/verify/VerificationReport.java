package org.evote.crypto.verify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The outcome of every numbered step of protocol §10.4 for one election record: pass, fail (with how many objects
 * were checked and the first failures, each naming its object) or not applicable (e.g. the tally steps for a board
 * that has not been tallied yet).
 */
public record VerificationReport(List<StepOutcome> steps, Set<TrustCheck> trustChecksNotMade,
    List<RefusedBallot> refusedBallots) {
  public VerificationReport {
    steps = List.copyOf(steps);
    refusedBallots = List.copyOf(refusedBallots);
    trustChecksNotMade = trustChecksNotMade.isEmpty() ? Set.of()
        : Collections.unmodifiableSet(EnumSet.copyOf(trustChecksNotMade));
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
   * PASS, FAIL, NOT_APPLICABLE (nothing to check, e.g. the tally steps before the tally), or NOT_CHECKED: there
   * was something to check but not what to check it against (V20 without an election notice).
   */
  public enum Status { PASS, FAIL, NOT_APPLICABLE, NOT_CHECKED }

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

  /** True if no step failed. */
  public boolean isValid() {
    return steps.stream().noneMatch(s -> s.status() == Status.FAIL);
  }

  public StepOutcome outcome(Step step) {
    return steps.stream().filter(s -> s.step() == step).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("step " + step + " not in report"));
  }

  /** The first failing step, if any. */
  public java.util.Optional<StepOutcome> firstFailure() {
    return steps.stream().filter(s -> s.status() == Status.FAIL).findFirst();
  }

  /** A plain-text report: one line per step, failures indented under it. */
  public String render() {
    StringBuilder out = new StringBuilder();
    for (StepOutcome s : steps) {
      String status = switch (s.status()) {
        case PASS -> "PASS";
        case FAIL -> "FAIL";
        case NOT_APPLICABLE -> "n/a ";
        case NOT_CHECKED -> "----";
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
  }
}
