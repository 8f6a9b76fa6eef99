package org.evote.crypto.proof;

import java.util.ArrayList;
import java.util.List;
import org.evote.crypto.elgamal.ElectionPublicKey;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.Scalar;

/**
 * One verification equation of the form g·G + k·K + Σ s_i·P_i = O (the identity), where K is an election key (or
 * absent). Every proof check in protocol §4 is one or two of these; an {@link EquationChecker} decides them one at
 * a time or in a batch (§4.5).
 */
final class Equation {
  static final Scalar MINUS_ONE = Scalar.ONE.negate();

  private Scalar g = Scalar.ZERO;
  private Scalar k = Scalar.ZERO;
  private ElectionPublicKey key;
  private final List<Element> points = new ArrayList<>(4);
  private final List<Scalar> scalars = new ArrayList<>(4);

  /** Adds s·G. */
  Equation g(Scalar s) {
    g = g.add(s);
    return this;
  }

  /** Adds s·K for the election key K (one key per equation). */
  Equation k(ElectionPublicKey electionKey, Scalar s) {
    if (key != null && !key.equals(electionKey)) {
      throw new IllegalArgumentException("an equation uses one election key");
    }
    key = electionKey;
    k = k.add(s);
    return this;
  }

  /** Adds s·P. */
  Equation term(Scalar s, Element p) {
    points.add(p);
    scalars.add(s);
    return this;
  }

  /** Adds −P (a commitment on the left-hand side of "v·G = a + c·X"). */
  Equation minus(Element p) {
    return term(MINUS_ONE, p);
  }

  Scalar gCoefficient() {
    return g;
  }

  Scalar kCoefficient() {
    return k;
  }

  /** K, or null if the equation has no K term. */
  ElectionPublicKey key() {
    return key;
  }

  List<Element> points() {
    return points;
  }

  List<Scalar> scalars() {
    return scalars;
  }
}
