package org.evote.crypto.manifest;

import java.util.Optional;

/** A candidate (or a referendum answer); {@code partyId} empty when none. */
public record Candidate(String id, InternationalText name, Optional<String> partyId, boolean writeIn) {
  public Candidate {
    Ids.require(id, "candidate id");
  }
}
