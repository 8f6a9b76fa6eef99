package org.evote.kiosk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.json.ManifestJson;
import org.evote.crypto.manifest.Manifest;

/**
 * The example manifest with ranked contests and write-in lines (docs/examples/manifest-riverton-rcv.json): a ranked
 * {@code mayor} (5 ranks, a write-in line), {@code city-council} (vote for 2, a write-in line), a ranked
 * {@code school-board-ward-2} on style ward-2 only, and {@code measure-a}; English and Spanish.
 */
public final class Riverton {
  public static final String WARD_2 = "ward-2";
  public static final String MAYOR = "mayor";
  public static final String COUNCIL = "city-council";
  public static final String SCHOOL = "school-board-ward-2";
  public static final String MAYOR_WRITE_IN = "sel-write-in-mayor";
  public static final String COUNCIL_WRITE_IN = "sel-write-in-council";

  private Riverton() {}

  public static Manifest manifest() {
    try {
      return ManifestJson.decode(JsonText.readObject(Path.of("../docs/examples/manifest-riverton-rcv.json")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
