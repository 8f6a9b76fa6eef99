package org.evote.crypto.manifest;

/** One option of a contest, pointing to a candidate. */
public record SelectionDescription(String id, int sequenceOrder, String candidateId) {
  public SelectionDescription {
    Ids.require(id, "selection id");
    Ids.require(candidateId, "candidate id");
  }
}
