package org.evote.crypto.manifest;

/** Object identifiers (protocol §1.4): 1 to 256 printable ASCII characters, no spaces. */
public final class Ids {
  public static final int MAX_LENGTH = 256;

  private Ids() {}

  /** True if {@code id} is a valid identifier. */
  public static boolean isValid(String id) {
    if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        return false;
      }
    }
    return true;
  }

  static void require(String id, String what) {
    if (!isValid(id)) {
      throw new IllegalArgumentException(what + " must be 1-256 printable ASCII characters without spaces");
    }
  }
}
