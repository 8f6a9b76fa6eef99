package org.evote.crypto.manifest;

import java.util.List;

/** A ballot style: its contests are those whose electoral district is one of its geopolitical units (§5.1). */
public record BallotStyle(String id, List<String> geopoliticalUnitIds) {
  public BallotStyle {
    Ids.require(id, "ballot style id");
    geopoliticalUnitIds = List.copyOf(geopoliticalUnitIds);
  }
}
