package org.evote.crypto.mix;

import java.security.SecureRandom;
import java.util.Arrays;
import org.evote.crypto.group.SecretScalar;

/**
 * The prover's nonces of one proof of shuffle (protocol §13.3): r_1 … r_N (permutation commitment, indexed by input
 * row), r̂_1 … r̂_N (commitment chain), ω_1, ω_2, ω_3, ω_{4,1} … ω_{4,w}, ω̂_1 … ω̂_N and ω'_1 … ω'_N. Secret: never
 * written, never logged. The public prover draws them fresh; the known-answer seam (test vectors) passes them in.
 */
final class ShuffleNonces {
  final SecretScalar[] r;
  final SecretScalar[] rHat;
  final SecretScalar omega1;
  final SecretScalar omega2;
  final SecretScalar omega3;
  final SecretScalar[] omega4;
  final SecretScalar[] omegaHat;
  final SecretScalar[] omegaPrime;

  ShuffleNonces(SecretScalar[] r, SecretScalar[] rHat, SecretScalar omega1, SecretScalar omega2,
      SecretScalar omega3, SecretScalar[] omega4, SecretScalar[] omegaHat, SecretScalar[] omegaPrime) {
    int n = r.length;
    if (rHat.length != n || omegaHat.length != n || omegaPrime.length != n || omega4.length < 1) {
      throw new IllegalArgumentException("nonce counts do not match N and w");
    }
    this.r = r.clone();
    this.rHat = rHat.clone();
    this.omega1 = omega1;
    this.omega2 = omega2;
    this.omega3 = omega3;
    this.omega4 = omega4.clone();
    this.omegaHat = omegaHat.clone();
    this.omegaPrime = omegaPrime.clone();
  }

  /** Fresh nonces for N rows of width w, every one from {@code random}. */
  static ShuffleNonces random(int n, int w, SecureRandom random) {
    return new ShuffleNonces(draw(n, random), draw(n, random), SecretScalar.random(random),
        SecretScalar.random(random), SecretScalar.random(random), draw(w, random), draw(n, random),
        draw(n, random));
  }

  private static SecretScalar[] draw(int n, SecureRandom random) {
    SecretScalar[] out = new SecretScalar[n];
    for (int i = 0; i < n; i++) {
      out[i] = SecretScalar.random(random);
    }
    return out;
  }

  int size() {
    return r.length;
  }

  int width() {
    return omega4.length;
  }

  /** Drops every nonce. */
  void destroy() {
    for (SecretScalar[] a : new SecretScalar[][] {r, rHat, omega4, omegaHat, omegaPrime}) {
      Arrays.fill(a, null);
    }
  }

  @Override
  public String toString() {
    return "ShuffleNonces[redacted]";
  }
}
