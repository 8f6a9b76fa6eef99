package org.evote.crypto.manifest;

/** A political party; {@code abbreviation} may be empty. */
public record Party(String id, InternationalText name, String abbreviation) {
  public Party {
    Ids.require(id, "party id");
    abbreviation = abbreviation == null ? "" : abbreviation;
  }
}
