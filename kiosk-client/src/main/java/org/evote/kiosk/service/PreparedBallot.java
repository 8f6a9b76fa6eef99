package org.evote.kiosk.service;

import org.evote.crypto.ballot.BallotSeed;
import org.evote.crypto.ballot.EncryptedBallot;
import org.evote.crypto.ballot.PlaintextBallot;

/**
 * A ballot encrypted and shown to the voter (its tracking code) while they choose to cast or challenge it. Holds
 * the voter's choices and the seed, both secret until a challenge discloses them: not a record, and {@link #wipe}
 * clears the seed once the voter has decided or walked away.
 */
public final class PreparedBallot {
  private final PlaintextBallot plaintext;
  private final BallotSeed seed;
  private final EncryptedBallot encrypted;

  PreparedBallot(PlaintextBallot plaintext, BallotSeed seed, EncryptedBallot encrypted) {
    this.plaintext = plaintext;
    this.seed = seed;
    this.encrypted = encrypted;
  }

  public String trackingCode() {
    return encrypted.trackingCode();
  }

  public EncryptedBallot encrypted() {
    return encrypted;
  }

  PlaintextBallot plaintext() {
    return plaintext;
  }

  BallotSeed seed() {
    return seed;
  }

  /** Overwrites the seed. */
  public void wipe() {
    seed.wipe();
  }

  @Override
  public String toString() {
    return "PreparedBallot[" + encrypted.ballotId() + ", secrets redacted]";
  }
}
