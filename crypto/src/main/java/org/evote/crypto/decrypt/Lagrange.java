package org.evote.crypto.decrypt;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedSet;
import org.evote.crypto.group.Scalar;

/** Lagrange coefficients at 0 for a set S of guardian indices: w_ℓ = Π_{j∈S, j≠ℓ} j / (j − ℓ) mod q (§8.3). */
public final class Lagrange {
  private Lagrange() {}

  public static Map<Integer, Scalar> coefficients(SortedSet<Integer> guardians) {
    Map<Integer, Scalar> out = new LinkedHashMap<>();
    for (int l : guardians) {
      Scalar num = Scalar.ONE;
      Scalar den = Scalar.ONE;
      for (int j : guardians) {
        if (j != l) {
          num = num.multiply(Scalar.of(j));
          den = den.multiply(Scalar.of(j - l));
        }
      }
      out.put(l, num.multiply(den.inverse()));
    }
    return out;
  }
}
