package org.evote.kiosk.ui;

import java.util.Locale;
import org.evote.kiosk.service.Alarm;
import org.evote.kiosk.session.Texts;

/** The poll workers' alarm line (protocol §9.7), naming the failed check in the kiosk's words. */
public final class AlarmLine {
  private AlarmLine() {}

  /** The words for {@code alarm} in the language of {@code texts}. */
  public static String of(Texts texts, Alarm alarm) {
    if (alarm instanceof Alarm.ReceiptFailed r) {
      return texts.get("status.receipt_alarm", r.ballotId(), texts.get("receipt_check." + key(r.failure())));
    }
    if (alarm instanceof Alarm.HeadFailed h) {
      return texts.get("status.head_alarm", texts.get("head_check." + key(h.failure())));
    }
    if (alarm instanceof Alarm.WitnessFailed w) {
      return texts.get("status.witness_alarm", texts.get("witness_check." + key(w.failure())));
    }
    if (alarm instanceof Alarm.NotCovered n) {
      int shown = Math.min(5, n.ballotIds().size());
      String ids = String.join(", ", n.ballotIds().subList(0, shown)) + (shown < n.ballotIds().size() ? ", …" : "");
      return texts.get("status.not_covered", n.ballotIds().size(), ids);
    }
    if (alarm instanceof Alarm.BallotRefused r) {
      return texts.get(r.recorded() ? "status.refused_recorded" : "status.refused_unrecorded", r.ballotId(),
          org.evote.kiosk.pollworker.RefusalWords.of(texts, r.code()));
    }
    Alarm.BallotLost l = (Alarm.BallotLost) alarm;
    return texts.get("status.ballot_lost", l.ballotId());
  }

  private static String key(Enum<?> failure) {
    return failure.name().toLowerCase(Locale.ROOT);
  }
}
