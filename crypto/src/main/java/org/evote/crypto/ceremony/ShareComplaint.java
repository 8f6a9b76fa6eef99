package org.evote.crypto.ceremony;

/**
 * Published by guardian {@code accuser} when the share from {@code accused} fails to decrypt or does not match
 * the accused's commitments (protocol §7.3). The accused must answer with a {@link ShareReveal}; an answer that
 * fails the public check, or none, disqualifies the accused and the ceremony restarts without it.
 */
public record ShareComplaint(int accuser, int accused, String reason) {
  public ShareComplaint {
    if (accuser < 1 || accused < 1 || accuser == accused) {
      throw new IllegalArgumentException("a complaint names two different guardians");
    }
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("a complaint needs a reason");
    }
  }
}
