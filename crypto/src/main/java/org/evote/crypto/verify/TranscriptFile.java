package org.evote.crypto.verify;

import jakarta.json.JsonObject;

/** What a record holds of {@code ceremony_transcript.json} (§10.2): nothing, an unreadable file, or its object. */
public sealed interface TranscriptFile {
  /** The file's name in the record. */
  String NAME = "ceremony_transcript.json";

  /** The record has no transcript file. */
  record Absent() implements TranscriptFile {}

  /** The file exists but is not a UTF-8 JSON object (or has duplicate member names): {@code reason} says why. */
  record Unreadable(String reason) implements TranscriptFile {
    public Unreadable {
      if (reason == null) {
        throw new IllegalArgumentException("an unreadable transcript needs a reason");
      }
    }
  }

  /** The file's JSON object, not yet decoded. */
  record Present(JsonObject json) implements TranscriptFile {
    public Present {
      if (json == null) {
        throw new IllegalArgumentException("a present transcript needs its object");
      }
    }
  }

  TranscriptFile ABSENT = new Absent();
}
