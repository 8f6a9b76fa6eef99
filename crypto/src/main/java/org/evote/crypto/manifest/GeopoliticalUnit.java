package org.evote.crypto.manifest;

/** A district (county, precinct, school district, …) whose contests appear on ballot styles that include it. */
public record GeopoliticalUnit(String id, String name, String type) {
  public GeopoliticalUnit {
    Ids.require(id, "geopolitical unit id");
  }
}
