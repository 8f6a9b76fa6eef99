package org.evote.crypto.decrypt;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.bouncycastle.math.ec.ECPoint;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.Scalar;
import org.evote.crypto.group.internal.Points;

/**
 * Recovers t from T = t·G for 0 ≤ t ≤ bound by baby-step giant-step (protocol §8.4): about 2·√bound group
 * operations and √bound memory. Past the bound it reports absence rather than searching forever.
 */
public final class DiscreteLog {
  private DiscreteLog() {}

  /** t with T = t·G and 0 ≤ t ≤ bound, or empty if there is none. */
  public static OptionalLong solve(Element target, long bound) {
    if (bound < 0) {
      throw new IllegalArgumentException("bound must not be negative");
    }
    if (target.isIdentity()) {
      return OptionalLong.of(0);
    }
    long m = (long) Math.ceil(Math.sqrt((double) bound + 1));
    Map<Element, Long> baby = new HashMap<>();
    Element step = Element.IDENTITY;
    for (long j = 0; j < m; j++) {
      baby.putIfAbsent(step, j);
      step = step.add(Element.G);
    }
    Element giant = Element.gPow(Scalar.of(m)).negate();
    ECPoint current = Points.raw(target);
    ECPoint giantPoint = Points.raw(giant);
    for (long i = 0; i * m <= bound; i++) {
      Long j = baby.get(Points.element(current));
      if (j != null) {
        long t = i * m + j;
        return t <= bound ? OptionalLong.of(t) : OptionalLong.empty();
      }
      current = current.add(giantPoint);
    }
    return OptionalLong.empty();
  }
}
