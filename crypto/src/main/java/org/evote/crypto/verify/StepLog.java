package org.evote.crypto.verify;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The report of protocol §10.4 while it is being made: a {@link VerificationReport.Recorder} per step that
 * collects its checks and failures (object, reason), the steps marked not applicable or not checked with why, and
 * the trust checks of V20 that could not be made. A step that failed is reported as failed even if it was also
 * marked not applicable.
 */
final class StepLog {
  private final Map<Step, VerificationReport.Recorder> recorders = new EnumMap<>(Step.class);
  private final Map<Step, VerificationReport.StepOutcome> notApplicable = new EnumMap<>(Step.class);
  private final Set<VerificationReport.TrustCheck> trustChecksNotMade =
      EnumSet.noneOf(VerificationReport.TrustCheck.class);
  private final List<VerificationReport.RefusedBallot> refusedBallots = new ArrayList<>();
  private VerificationReport.WrongElection wrongElection;

  StepLog() {
    for (Step s : Step.values()) {
      recorders.put(s, new VerificationReport.Recorder(s));
    }
  }

  VerificationReport.Recorder step(Step s) {
    return recorders.get(s);
  }

  /** Marks {@code steps} not applicable, replacing an earlier reason. */
  void notApplicable(String why, Step... steps) {
    for (Step s : steps) {
      notApplicable.put(s, VerificationReport.Recorder.notApplicable(s, why));
    }
  }

  /** Marks {@code steps} not applicable unless an earlier reason was given. */
  void notApplicableUnlessMarked(String why, Step... steps) {
    for (Step s : steps) {
      notApplicable.putIfAbsent(s, VerificationReport.Recorder.notApplicable(s, why));
    }
  }

  /** Marks {@code step} not checked (nothing to check it against) because of {@code why}. */
  void notChecked(String why, Step step) {
    notApplicable.put(step, VerificationReport.Recorder.notChecked(step, why));
  }

  /** Lists the board's refused ballots in the report. */
  void refusedBallots(List<VerificationReport.RefusedBallot> refused) {
    refusedBallots.clear();
    refusedBallots.addAll(refused);
  }

  /** Records trust checks that could not be made (V20). */
  void trustChecksNotMade(Set<VerificationReport.TrustCheck> checks) {
    trustChecksNotMade.addAll(checks);
  }

  /** Marks {@code steps} not run (status NOT_RUN, never PASS) because of {@code why}, replacing an earlier reason. */
  void notRun(String why, Step... steps) {
    for (Step s : steps) {
      notApplicable.put(s, VerificationReport.Recorder.notRun(s, "not run: " + why));
    }
  }

  /** Says first that the board is of another election. */
  void wrongElection(VerificationReport.WrongElection wrong) {
    wrongElection = wrong;
  }

  /** Every step but {@code except} not run because of {@code why}. */
  void allNotRunExcept(Step except, String why) {
    for (Step s : Step.values()) {
      if (s != except) {
        notRun(why, s);
      }
    }
  }

  /** A copy of this log, so a report can be made now and the tally steps added later. */
  StepLog copyOfNotApplicable() {
    StepLog copy = new StepLog();
    copy.recorders.putAll(recorders);
    copy.notApplicable.putAll(notApplicable);
    copy.trustChecksNotMade.addAll(trustChecksNotMade);
    copy.refusedBallots.addAll(refusedBallots);
    copy.wrongElection = wrongElection;
    return copy;
  }

  VerificationReport report() {
    List<VerificationReport.StepOutcome> out = new ArrayList<>();
    for (Step s : Step.values()) {
      VerificationReport.Recorder r = recorders.get(s);
      out.add(!r.failed() && notApplicable.containsKey(s) ? notApplicable.get(s) : r.outcome());
    }
    return new VerificationReport(out, trustChecksNotMade, refusedBallots,
        java.util.Optional.ofNullable(wrongElection));
  }
}
