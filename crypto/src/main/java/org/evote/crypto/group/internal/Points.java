package org.evote.crypto.group.internal;

import org.bouncycastle.math.ec.ECPoint;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.Scalar;

/**
 * The crypto module's own access to the Bouncy Castle point inside an {@link Element}, which the public API does not
 * expose: for batch normalization, multi-scalar multiplication and fixed-base tables in the ballot, proof and tally
 * code. {@link Element} installs the {@link Access} when it is initialized; nothing else may.
 */
public final class Points {
  /** What {@link Element} grants the module: its point, an element from a point, and its fixed-base table. */
  public interface Access {
    ECPoint point(Element e);

    Element element(ECPoint p);

    FixedBaseTable table(Element e);
  }

  private static volatile Access access;

  private Points() {}

  /** Called once, by {@link Element}'s static initializer. */
  public static void install(Access a) {
    if (access != null) {
      throw new IllegalStateException("point access is already installed");
    }
    access = a;
  }

  private static Access access() {
    Access a = access;
    if (a == null) {
      Element.G.isIdentity(); // initializes Element, which installs the access
      a = access;
    }
    return a;
  }

  /** The point of {@code e} (affine). */
  public static ECPoint raw(Element e) {
    return access().point(e);
  }

  /** The element of {@code p}, normalized to affine form. */
  public static Element element(ECPoint p) {
    return access().element(p);
  }

  /** The fixed-base table for {@code base}, built on first use and kept with the element (use for G and K). */
  public static FixedBaseTable table(Element base) {
    return access().table(base);
  }

  /** m·G in Jacobian form (not normalized), for callers that normalize in batches. */
  public static ECPoint gPow(Scalar m) {
    return Curve.G_TABLE.multiply(m.toBigInteger());
  }
}
