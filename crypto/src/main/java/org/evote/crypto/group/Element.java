package org.evote.crypto.group;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECPoint;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.group.internal.Curve;
import org.evote.crypto.group.internal.FixedBaseTable;
import org.evote.crypto.group.internal.Points;

/**
 * A point of P-256 (protocol §1). Published elements are 33-byte SEC1 compressed points in lowercase hex;
 * {@link #decode} is the only way one enters from outside and rejects everything §1 lists. The identity occurs only
 * as the result of arithmetic (and, encoded as {@code 00}, in tally fields: see {@link #decodeAllowingIdentity}).
 * Immutable; equal when the points are equal. The Bouncy Castle point inside is the module's own business
 * ({@link Points}).
 */
public final class Element {
  static {
    Points.install(new Points.Access() {
      @Override
      public ECPoint point(Element e) {
        return e.point;
      }

      @Override
      public Element element(ECPoint p) {
        return new Element(p);
      }

      @Override
      public FixedBaseTable table(Element e) {
        return e.table();
      }
    });
  }

  /** The generator G. */
  public static final Element G = new Element(Curve.G);
  /** The point at infinity (group identity). */
  public static final Element IDENTITY = new Element(Curve.infinity());

  private final ECPoint point;
  private volatile FixedBaseTable table;

  private Element(ECPoint point) {
    if (point == null) {
      throw new IllegalArgumentException("point is null");
    }
    if (point.getCurve() != Curve.CURVE) {
      point = Curve.CURVE.importPoint(point);
    }
    this.point = point.normalize();
  }

  private FixedBaseTable table() {
    FixedBaseTable t = table;
    if (t == null) {
      synchronized (this) {
        t = table;
        if (t == null) {
          t = this == G ? Curve.G_TABLE : new FixedBaseTable(point);
          table = t;
        }
      }
    }
    return t;
  }

  /** m·G using the fixed-base table for G. */
  public static Element gPow(Scalar m) {
    return new Element(Curve.G_TABLE.multiply(m.toBigInteger()));
  }

  /** m·G for a secret m, using the fixed-base table for G. */
  public static Element gPow(SecretScalar m) {
    return gPow(m.revealSecret());
  }

  /** Decodes a compressed point, rejecting wrong length or prefix, x ≥ p, x with no square root, and infinity. */
  public static Element decode(String hex, String field) {
    if (hex == null) {
      throw new InvalidFieldException(field, "missing point");
    }
    if (hex.length() != 2 * P256.ELEMENT_BYTES) {
      throw new InvalidFieldException(field, "point must be 66 hex characters (33-byte compressed SEC1), got "
          + hex.length());
    }
    if (!Hex.isLowercaseHex(hex)) {
      throw new InvalidFieldException(field, "point must be lowercase hexadecimal");
    }
    return fromBytes(java.util.HexFormat.of().parseHex(hex), field);
  }

  /** Like {@link #decode} but also accepts {@code 00}, the identity; only for aggregate (tally) fields. */
  public static Element decodeAllowingIdentity(String hex, String field) {
    if ("00".equals(hex)) {
      return IDENTITY;
    }
    return decode(hex, field);
  }

  /** Decodes the 33 compressed bytes (protocol §1.2). */
  public static Element fromBytes(byte[] enc, String field) {
    if (enc.length != P256.ELEMENT_BYTES) {
      throw new InvalidFieldException(field, "point must be 33 bytes, got " + enc.length);
    }
    int prefix = enc[0];
    if (prefix != 0x02 && prefix != 0x03) {
      throw new InvalidFieldException(field, "point prefix must be 02 or 03");
    }
    BigInteger x = new BigInteger(1, java.util.Arrays.copyOfRange(enc, 1, enc.length));
    if (x.compareTo(P256.P) >= 0) {
      throw new InvalidFieldException(field, "x-coordinate is not less than the field prime p");
    }
    ECPoint p = Curve.decompress(x, prefix == 0x03);
    if (p == null) {
      throw new InvalidFieldException(field, "x-coordinate is not on the curve (no square root)");
    }
    return new Element(p);
  }

  public boolean isIdentity() {
    return point.isInfinity();
  }

  public Element add(Element o) {
    return new Element(point.add(o.point));
  }

  public Element subtract(Element o) {
    return new Element(point.subtract(o.point));
  }

  public Element negate() {
    return new Element(point.negate());
  }

  /** k·this, variable base. */
  public Element multiply(Scalar k) {
    return new Element(point.multiply(k.toBigInteger()));
  }

  /** k·this for a secret k, variable base. */
  public Element multiply(SecretScalar k) {
    return multiply(k.revealSecret());
  }

  /** The 33-byte compressed encoding; the identity encodes as the single byte 00. */
  public byte[] toBytes() {
    return point.getEncoded(true);
  }

  /** The wire encoding: 66 lowercase hex characters ({@code 00} for the identity). */
  public String toHex() {
    return Hex.encode(toBytes());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Element e && e.point.equals(point);
  }

  @Override
  public int hashCode() {
    return point.hashCode();
  }

  @Override
  public String toString() {
    return toHex();
  }
}
