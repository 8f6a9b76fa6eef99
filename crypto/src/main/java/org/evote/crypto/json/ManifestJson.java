package org.evote.crypto.json;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Optional;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.manifest.BallotStyle;
import org.evote.crypto.manifest.Candidate;
import org.evote.crypto.manifest.ContestDescription;
import org.evote.crypto.manifest.GeopoliticalUnit;
import org.evote.crypto.manifest.InternationalText;
import org.evote.crypto.manifest.Manifest;
import org.evote.crypto.manifest.Party;
import org.evote.crypto.manifest.SelectionDescription;
import org.evote.crypto.manifest.VoteVariation;

/**
 * Reads election manifests in the ElectionGuard 1.0 format (protocol §5.1). Unknown members are allowed (the
 * format has many this protocol does not use) but still hashed: H_M covers the canonical JSON of the whole object.
 */
public final class ManifestJson {
  static final int MAX_ITEMS = 10_000;

  private ManifestJson() {}

  public static Manifest decode(JsonObject json) {
    Fields f = Fields.of(json);
    String canonical = CanonicalJson.write(json);
    List<GeopoliticalUnit> units = f.objects("geopolitical_units", 1, MAX_ITEMS, u -> u.build(() ->
        new GeopoliticalUnit(u.id("object_id"), u.optionalString("name").orElse(""), u.optionalString("type").orElse(""))));
    List<Party> parties = f.has("parties") ? f.objects("parties", 0, MAX_ITEMS, p -> p.build(() ->
        new Party(p.id("object_id"), text(p, "name"), p.optionalString("abbreviation").orElse(""))))
        : List.of();
    List<Candidate> candidates = f.objects("candidates", 1, MAX_ITEMS, c -> c.build(() ->
        new Candidate(c.id("object_id"), text(c, "name"), c.has("party_id") ? Optional.of(c.id("party_id"))
            : Optional.empty(), c.bool("is_write_in", false))));
    List<ContestDescription> contests = f.objects("contests", 1, MAX_ITEMS, ManifestJson::contest);
    List<BallotStyle> styles = f.objects("ballot_styles", 1, MAX_ITEMS, s -> s.build(() ->
        new BallotStyle(s.id("object_id"), s.strings("geopolitical_unit_ids", 0, MAX_ITEMS))));
    return f.build(() -> new Manifest(f.id("election_scope_id"), f.optionalString("type").orElse(""),
        f.optionalString("start_date").orElse(""), f.optionalString("end_date").orElse(""), text(f, "name"),
        units, parties, candidates, contests, styles, canonical));
  }

  private static ContestDescription contest(Fields c) {
    String id = c.id("object_id");
    String variation = c.string("vote_variation");
    VoteVariation v = VoteVariation.fromWire(variation).orElseThrow(() -> new InvalidFieldException(
        c.path("vote_variation"), "contest " + id + " uses vote variation '" + variation
            + "', which this protocol does not support (supported: one_of_m, n_of_m, approval, plurality, rcv)"));
    List<SelectionDescription> selections = c.objects("ballot_selections", 1, MAX_ITEMS, s -> s.build(() ->
        new SelectionDescription(s.id("object_id"), s.smallInt("sequence_order", 0, Integer.MAX_VALUE),
            s.id("candidate_id"))));
    selections = selections.stream()
        .sorted(java.util.Comparator.comparingInt(SelectionDescription::sequenceOrder)).toList();
    int votesAllowed = c.has("votes_allowed") ? c.smallInt("votes_allowed", 1, MAX_ITEMS)
        : (v == VoteVariation.ONE_OF_M ? 1 : selections.size());
    int numberElected = c.has("number_elected") ? c.smallInt("number_elected", 0, MAX_ITEMS) : votesAllowed;
    List<SelectionDescription> sorted = selections;
    return c.build(() -> new ContestDescription(id, c.smallInt("sequence_order", 0, Integer.MAX_VALUE),
        c.id("electoral_district_id"), v, votesAllowed, numberElected, text(c, "name"),
        text(c, "ballot_title"), text(c, "ballot_subtitle"), sorted));
  }

  /** An InternationalText member ({"text": [{"value", "language"}]}), a plain string, or absent. */
  static InternationalText text(Fields f, String name) {
    if (!f.has(name)) {
      return InternationalText.EMPTY;
    }
    JsonValue v = f.json().get(name);
    if (v.getValueType() == JsonValue.ValueType.STRING) {
      return InternationalText.plain(((JsonString) v).getString());
    }
    Fields t = f.object(name);
    if (!t.has("text")) {
      return InternationalText.EMPTY;
    }
    return new InternationalText(t.objects("text", 0, 1000, tr -> tr.build(() ->
        new InternationalText.Translation(tr.string("value"), tr.string("language")))));
  }

  /** Writes a manifest's original JSON back (the canonical text is the manifest as published). */
  public static JsonObject encode(Manifest manifest) {
    return JsonText.parseObject(manifest.canonicalJson());
  }

}
