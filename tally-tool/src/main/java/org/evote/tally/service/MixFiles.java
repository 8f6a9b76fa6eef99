package org.evote.tally.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.json.Fields;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.json.MixFileJson;
import org.evote.crypto.mix.MixFile;
import org.evote.crypto.mix.MixList;

/** Reads the mix files officials name ({@code --mix}), in the cascade's order, against the lists' shapes. */
final class MixFiles {
  private MixFiles() {}

  /** The mixes in {@code files}, sorted by position; a file that does not decode is named with the reason. */
  static List<MixFile> read(List<Path> files, List<MixList> input) throws IOException, TallyService.TallyException {
    List<MixFile> mixes = new ArrayList<>();
    for (Path f : files) {
      try {
        mixes.add(MixFileJson.decode(Fields.of(JsonText.readObject(f), f.getFileName().toString()),
            MixFileJson.shapes(input)));
      } catch (InvalidFieldException e) {
        throw new TallyService.TallyException(f + " is not a mix file of this election: " + e.getMessage());
      }
    }
    mixes.sort(Comparator.comparingInt(MixFile::position));
    return mixes;
  }
}
