package org.evote.crypto.count;

import org.evote.crypto.manifest.Ids;

/** The identifier rule (§1.4) for the count's records. */
final class CountIds {
  private CountIds() {}

  static void require(String id, String what) {
    if (id == null || !Ids.isValid(id)) {
      throw new IllegalArgumentException(what + " must be 1-256 printable ASCII characters without spaces");
    }
  }
}
