package org.evote.crypto.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * A reproducible byte stream for test vectors only: block i = SHA-256(seed ‖ i as 8 bytes big-endian). Never used
 * outside tests; production code receives the platform's SecureRandom.
 */
public final class DeterministicRandom extends SecureRandom {
  private static final long serialVersionUID = 1L;
  private final byte[] seed;
  private long counter;
  private byte[] block = new byte[0];
  private int used;

  public DeterministicRandom(String seed) {
    super(new byte[0]);
    this.seed = seed.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public synchronized void nextBytes(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      if (used == block.length) {
        refill();
      }
      bytes[i] = block[used++];
    }
  }

  @Override
  public void setSeed(long ignored) {
    // reproducibility: the seed is fixed at construction
  }

  private void refill() {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(seed);
      for (int i = 7; i >= 0; i--) {
        md.update((byte) (counter >>> (8 * i)));
      }
      counter++;
      block = md.digest();
      used = 0;
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
