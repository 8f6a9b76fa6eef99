package org.evote.server.board;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.evote.crypto.ballot.PlaintextBallot;
import org.evote.crypto.json.BallotJson;
import org.evote.crypto.json.Fields;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.manifest.ContestDescription;
import org.evote.crypto.manifest.Manifest;
import org.evote.server.store.BallotRow;

/**
 * The display form of a challenged ballot's disclosure, as {@code GET /api/challenged} lists it (docs/api.md): the
 * ballot's ids, time and kiosk, and for each contest of its style (in ballot order) the ids of the selections its
 * kiosk disclosed as marked (for a ranked contest, marked {@code "ranked": true}, in rank order), each with the name
 * written on it when it is a write-in line with a name. It holds no names: a reader shows them by the one display-name rule, in the reader's
 * language ({@code GET /api/names}, protocol §5.1), so no raw id is ever shown as a name. Made once per challenged ballot — when the writer appends it, and when the start-up replay rebuilds the
 * table — from the entry's payload JSON alone (no point is decoded), so a page of the list costs the same however
 * many ballots were challenged.
 */
final class ChallengedDisplay {
  private final Manifest manifest;

  ChallengedDisplay(Manifest manifest) {
    this.manifest = manifest;
  }

  /** The display form (a JSON object's text) of the challenged ballot indexed by {@code row}, whose payload this is. */
  String of(BallotRow row, String payloadText) {
    JsonObject payload = JsonText.parseObject(payloadText);
    PlaintextBallot plaintext = BallotJson.decodePlaintext(Fields.of(payload.get("plaintext"), "plaintext"));
    String styleId = Fields.of(payload.get("ballot"), "ballot").id("style_id");
    JsonArrayBuilder contests = JsonText.array();
    for (ContestDescription d : manifest.contestsFor(styleId)) {
      JsonArrayBuilder chosen = JsonText.array();
      for (String sel : plaintext.marked(d.id())) {
        var choice = JsonText.object().add("selection_id", sel);
        plaintext.writeIn(d.id(), sel).ifPresent(name -> choice.add("write_in", name));
        chosen.add(choice);
      }
      var contest = JsonText.object().add("contest_id", d.id()).add("chosen", chosen);
      if (d.isRanked()) {
        contest.add("ranked", true);
      }
      contests.add(contest);
    }
    return JsonText.object().add("ballot_id", row.ballotId()).add("tracking_code", row.trackingCode())
        .add("confirmation_code", row.confirmationCode()).add("sequence", row.sequence())
        .add("timestamp", row.timestamp()).add("kiosk_id", row.kioskId()).add("style_id", styleId)
        .add("contests", contests).build()
        .toString();
  }
}
