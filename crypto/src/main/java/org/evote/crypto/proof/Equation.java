package org.evote.crypto.proof;

import java.util.ArrayList;
import java.util.List;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.Scalar;

/**
 * One verification equation of the form g·G + k·K + Σ s_i·P_i = O (the identity), where K is the joint election
 * key (or absent). Every proof check in protocol §4 is one or two of these; an {@link EquationChecker} decides
 * them one at a time or in a batch.
 */
public final class Equation {
  private Scalar g = Scalar.ZERO;
  private Scalar k = Scalar.ZERO;
  private final List<Element> points = new ArrayList<>(4);
  private final List<Scalar> scalars = new ArrayList<>(4);

  /** Adds s·G. */
  public Equation g(Scalar s) {
    g = g.add(s);
    return this;
  }

  /** Adds s·K. */
  public Equation k(Scalar s) {
    k = k.add(s);
    return this;
  }

  /** Adds s·P. */
  public Equation term(Scalar s, Element p) {
    points.add(p);
    scalars.add(s);
    return this;
  }

  /** Adds −P (a commitment on the left-hand side of "v·G = a + c·X"). */
  public Equation minus(Element p) {
    return term(MINUS_ONE, p);
  }

  static final Scalar MINUS_ONE = Scalar.ONE.negate();

  Scalar gCoefficient() {
    return g;
  }

  Scalar kCoefficient() {
    return k;
  }

  List<Element> points() {
    return points;
  }

  List<Scalar> scalars() {
    return scalars;
  }
}
