package org.evote.crypto.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.ballot.DecodedRow;
import org.evote.crypto.count.Ranking;
import org.evote.crypto.manifest.ContestDescription;
import org.evote.crypto.manifest.Manifest;
import org.evote.crypto.decrypt.DecodedList;

/**
 * JSON of {@code mixed_ballots.json} (protocol §10.3), the anonymized cast-vote records: {"contests": [{"contest_id",
 * "rows": [{"ranking": [selection id or null per rank], "write_ins": {selection id: {"status": "blank"} |
 * {"status": "name", "name": …} | {"status": "unreadable", "reason": …}}}]}]}, one entry per mixed contest in
 * manifest order, its rows in the order of the final mixed list. A ranked contest's ranking has its L ranks (null:
 * left blank); another contest's is empty.
 */
public final class MixedBallotsJson {
  private MixedBallotsJson() {}

  public static JsonObject encode(Manifest manifest, List<DecodedList> contests) {
    JsonArrayBuilder arr = JsonText.array();
    for (DecodedList c : contests) {
      ContestDescription desc = manifest.contest(c.contestId()).orElseThrow(
          () -> new IllegalArgumentException("no contest " + c.contestId()));
      JsonArrayBuilder rows = JsonText.array();
      for (DecodedRow r : c.rows()) {
        JsonArrayBuilder ranking = JsonText.array();
        for (int rank : r.ranking().ranks()) {
          if (rank == 0) {
            ranking.addNull();
          } else {
            ranking.add(desc.selections().get(rank - 1).id());
          }
        }
        JsonObjectBuilder names = JsonText.object();
        r.writeIns().forEach((id, name) -> names.add(id, encode(name)));
        rows.add(JsonText.object().add("ranking", ranking).add("write_ins", names));
      }
      arr.add(JsonText.object().add("contest_id", c.contestId()).add("rows", rows));
    }
    return JsonText.object().add("contests", arr).build();
  }

  private static JsonObject encode(DecodedRow.WrittenName n) {
    if (n instanceof DecodedRow.Name name) {
      return JsonText.object().add("status", "name").add("name", name.text()).build();
    }
    if (n instanceof DecodedRow.Unreadable u) {
      return JsonText.object().add("status", "unreadable").add("reason", u.reason()).build();
    }
    return JsonText.object().add("status", "blank").build();
  }

  /** Decodes the file against the manifest: contests, selection ids and write-in lines must be the manifest's. */
  public static List<DecodedList> decode(Manifest manifest, Fields f) {
    f.only(Set.of("contests"));
    return f.objects("contests", 0, TallyJson.MAX_ITEMS, c -> {
      c.only(Set.of("contest_id", "rows"));
      String id = c.id("contest_id");
      ContestDescription desc = manifest.contest(id).orElseThrow(
          () -> new InvalidFieldException(c.path("contest_id"), "no contest " + id + " in the manifest"));
      return new DecodedList(id, c.objects("rows", 0, MixDecryptionJson.MAX_ROWS, r -> row(desc, r)));
    });
  }

  private static DecodedRow row(ContestDescription desc, Fields r) {
    r.only(Set.of("ranking", "write_ins"));
    JsonArray ranking = r.array("ranking");
    if (ranking.size() > desc.selections().size() + desc.votesAllowed()) {
      throw new InvalidFieldException(r.path("ranking"), "has " + ranking.size() + " ranks");
    }
    List<Integer> ranks = new ArrayList<>();
    for (int i = 0; i < ranking.size(); i++) {
      JsonValue v = ranking.get(i);
      if (v.getValueType() == JsonValue.ValueType.NULL) {
        ranks.add(0);
        continue;
      }
      if (v.getValueType() != JsonValue.ValueType.STRING) {
        throw new InvalidFieldException(r.path("ranking") + "[" + i + "]", "expected a selection id or null");
      }
      String sel = ((JsonString) v).getString();
      int at = -1;
      for (int j = 0; j < desc.selections().size(); j++) {
        if (desc.selections().get(j).id().equals(sel)) {
          at = j;
        }
      }
      if (at < 0) {
        throw new InvalidFieldException(r.path("ranking") + "[" + i + "]", "no selection " + sel + " in "
            + desc.id());
      }
      ranks.add(at + 1);
    }
    Fields names = r.object("write_ins");
    Map<String, DecodedRow.WrittenName> writeIns = new LinkedHashMap<>();
    for (String sel : names.json().keySet()) {
      if (desc.selection(sel).isEmpty()) {
        throw new InvalidFieldException(names.path(sel), "no selection " + sel + " in " + desc.id());
      }
      Fields n = names.object(sel);
      String status = n.string("status");
      switch (status) {
        case "blank" -> {
          n.only(Set.of("status"));
          writeIns.put(sel, new DecodedRow.Blank());
        }
        case "name" -> {
          n.only(Set.of("status", "name"));
          writeIns.put(sel, new DecodedRow.Name(n.string("name")));
        }
        case "unreadable" -> {
          n.only(Set.of("status", "reason"));
          writeIns.put(sel, new DecodedRow.Unreadable(n.string("reason")));
        }
        default -> throw new InvalidFieldException(n.path("status"), "must be blank, name or unreadable");
      }
    }
    return r.build(() -> new DecodedRow(new Ranking(ranks), writeIns));
  }
}
