package org.evote.crypto.proof;

import java.math.BigInteger;
import java.util.Arrays;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.Scalar;

/**
 * The point terms of a batch (protocol §4.5): for each distinct element object P, the integer Σ ρ_e·s_(e,P) over
 * the equations e that name it, kept unreduced until {@link #reducedScalar}. Elements are merged by identity (the
 * proofs of one ballot share the ciphertext objects), in an open-addressing table keyed by
 * {@link System#identityHashCode}, so adding a term costs no map entry or boxed index; a weight on −1 (the
 * commitment of every equation) is a subtraction, not a multiplication.
 */
final class WeightedTerms {
  private Element[] table = new Element[128];
  private int[] slotIndex = new int[128];
  private Element[] points = new Element[64];
  private BigInteger[] sums = new BigInteger[64];
  private int size;

  /** Adds weight·s to the coefficient of p. */
  void add(Element p, BigInteger weight, Scalar s) {
    int i = indexOf(p);
    BigInteger term = s == Equation.MINUS_ONE ? weight.negate() : weight.multiply(s.toBigInteger());
    BigInteger old = sums[i];
    sums[i] = old == null ? term : old.add(term);
  }

  /** The number of distinct elements. */
  int size() {
    return size;
  }

  /** The i-th distinct element, in the order first added. */
  Element point(int i) {
    return points[i];
  }

  /** Its coefficient reduced mod q. */
  BigInteger reducedScalar(int i, BigInteger q) {
    return sums[i].mod(q);
  }

  private int indexOf(Element p) {
    int mask = table.length - 1;
    int h = mix(System.identityHashCode(p)) & mask;
    while (true) {
      Element e = table[h];
      if (e == p) {
        return slotIndex[h];
      }
      if (e == null) {
        break;
      }
      h = (h + 1) & mask;
    }
    if (size == points.length) {
      points = Arrays.copyOf(points, 2 * size);
      sums = Arrays.copyOf(sums, 2 * size);
    }
    points[size] = p;
    table[h] = p;
    slotIndex[h] = size;
    size++;
    if (2 * size > table.length) {
      grow();
    }
    return size - 1;
  }

  private void grow() {
    Element[] old = table;
    int[] oldIndex = slotIndex;
    table = new Element[2 * old.length];
    slotIndex = new int[2 * old.length];
    int mask = table.length - 1;
    for (int j = 0; j < old.length; j++) {
      if (old[j] != null) {
        int h = mix(System.identityHashCode(old[j])) & mask;
        while (table[h] != null) {
          h = (h + 1) & mask;
        }
        table[h] = old[j];
        slotIndex[h] = oldIndex[j];
      }
    }
  }

  private static int mix(int h) {
    return h ^ (h >>> 16) ^ (h >>> 7);
  }
}
