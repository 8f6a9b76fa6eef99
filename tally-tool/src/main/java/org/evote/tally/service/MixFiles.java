package org.evote.tally.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.json.Fields;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.json.MixFileJson;
import org.evote.crypto.mix.MixCascade;
import org.evote.crypto.mix.MixFile;
import org.evote.crypto.mix.MixList;

/**
 * The mix files officials name ({@code --mix}, any order), checked as a cascade one file at a time (§13.5): only
 * the current lists and the mix being checked are in memory.
 */
final class MixFiles {
  private MixFiles() {}

  /** The checked cascade: the files in position order and the outcome. */
  record Checked(List<Path> files, MixCascade.Check check) {}

  static Checked check(ElectionConfig config, List<Path> files, List<MixList> input, boolean complete,
      java.security.SecureRandom random, int threads) throws IOException, TallyService.TallyException {
    Map<String, MixFileJson.Shape> shapes = MixFileJson.shapes(input);
    // First only each file's position (its JSON parsed, no point decoded), then each file decoded and checked.
    TreeMap<Integer, Path> byPosition = new TreeMap<>();
    for (Path f : files) {
      int position;
      try {
        position = Fields.of(JsonText.readObject(f), f.getFileName().toString()).smallInt("position", 1, 1000);
      } catch (InvalidFieldException e) {
        throw new TallyService.TallyException(f + " is not a mix file: " + e.getMessage());
      }
      if (byPosition.put(position, f) != null) {
        throw new TallyService.TallyException("two mix files hold position " + position);
      }
    }
    MixCascade.Cursor cursor = new MixCascade.Cursor(config, input, random, threads);
    for (Path f : byPosition.values()) {
      if (cursor.next(decode(f, shapes)).isPresent()) {
        break;
      }
    }
    return new Checked(new ArrayList<>(byPosition.values()), cursor.finish(complete));
  }

  private static MixFile decode(Path f, Map<String, MixFileJson.Shape> shapes) throws IOException,
      TallyService.TallyException {
    try {
      return MixFileJson.decode(Fields.of(JsonText.readObject(f), f.getFileName().toString()), shapes);
    } catch (InvalidFieldException e) {
      throw new TallyService.TallyException(f + " is not a mix file of this election: " + e.getMessage());
    }
  }
}
