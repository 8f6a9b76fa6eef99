package org.evote.crypto.verify;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Optional;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.json.CountJson;
import org.evote.crypto.json.Fields;
import org.evote.crypto.decrypt.DecodedList;
import org.evote.crypto.mix.MixList;
import org.evote.crypto.decrypt.MixedResults;

/**
 * V23: the verifier recounts the decrypted rows V22 checked ({@link MixedResults#count}: instant runoff per ranked
 * contest with its lot seed, the names per write-in line) and {@code ranked_result.json} must be exactly that
 * count's JSON; the first member that differs is named.
 */
final class RankedCountCheck {
  private RankedCountCheck() {}

  static void run(ElectionConfig config, List<MixList> finalLists, List<DecodedList> decoded, MixRecord.File file,
      VerificationReport.Recorder v23) {
    if (!(file instanceof MixRecord.Present p)) {
      v23.fail("ranked_result.json", "missing");
      return;
    }
    JsonObject published;
    try {
      published = p.read();
      CountJson.decode(Fields.of(published, p.name()));
    } catch (InvalidFieldException e) {
      v23.fail(p.name(), e.getMessage());
      return;
    }
    MixedResults.Counts counts = MixedResults.count(config.manifest(), config.extendedHash(), finalLists, decoded);
    v23.checked(counts.ranked().size() + counts.writeIns().size());
    JsonObject recount = CountJson.encode(counts.ranked(), counts.writeIns());
    difference(recount, published, "").ifPresent(where -> v23.fail(p.name(), where
        + " does not match the recount of the decrypted rows"));
  }

  /** The path of the first member where {@code got} differs from {@code want}, if any. */
  static Optional<String> difference(JsonValue want, JsonValue got, String path) {
    String here = path.isEmpty() ? "$" : path;
    if (got == null || want.getValueType() != got.getValueType()) {
      return Optional.of(here);
    }
    if (want instanceof JsonObject w) {
      JsonObject g = (JsonObject) got;
      if (!w.keySet().equals(g.keySet())) {
        return Optional.of(here);
      }
      for (String k : w.keySet()) {
        Optional<String> d = difference(w.get(k), g.get(k), path.isEmpty() ? k : path + "." + k);
        if (d.isPresent()) {
          return d;
        }
      }
      return Optional.empty();
    }
    if (want instanceof JsonArray w) {
      JsonArray g = (JsonArray) got;
      if (w.size() != g.size()) {
        return Optional.of(here);
      }
      for (int i = 0; i < w.size(); i++) {
        Optional<String> d = difference(w.get(i), g.get(i), path + "[" + i + "]");
        if (d.isPresent()) {
          return d;
        }
      }
      return Optional.empty();
    }
    return want.equals(got) ? Optional.empty() : Optional.of(here);
  }
}
