package org.evote.crypto.group;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECPoint;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.group.internal.Curve;
import org.evote.crypto.group.internal.FixedBaseTable;
import org.evote.crypto.group.internal.Points;

/**
 * A point of P-256 (protocol §1). On the wire and in the record an element is its 65-byte SEC1 uncompressed
 * encoding {@code 04 ‖ x ‖ y} in canonical base64url without padding, 87 characters (§1.2); {@link #decode} is the
 * only way one enters from outside and rejects everything §1.2 lists, at the cost of one on-curve check (no square
 * root). Inside hash inputs an element is its 33-byte compressed encoding ({@link #toBytes}, §2.1). The identity
 * occurs only as the result of arithmetic (and, written {@code AA}, in tally fields: see
 * {@link #decodeAllowingIdentity}).
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
  /** The text of the identity where a field allows it (§1.2): base64url of the single byte 00. */
  public static final String IDENTITY_TEXT = "AA";

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

  /**
   * Decodes an element's text (§1.2), rejecting in this order, naming {@code field}: a missing value, a length other
   * than 87, a character outside the base64url alphabet, a non-canonical last character, a prefix other than
   * {@code 04}, x ≥ p, y ≥ p and a point not on the curve. The identity has no such encoding.
   */
  public static Element decode(String text, String field) {
    return fromUncompressed(Base64Url.decode(text, P256.UNCOMPRESSED_BYTES, field, "point"), field);
  }

  /**
   * Checks only the text rules of {@link #decode} (length 87, alphabet, canonical last character) without decoding:
   * for facts read from a payload before it is decoded, where equal texts must mean equal points.
   */
  public static void checkText(String text, String field) {
    Base64Url.check(text, P256.UNCOMPRESSED_BYTES, field, "point");
  }

  /** Like {@link #decode} but also accepts {@code AA} (the byte 00), the identity: only for tally fields. */
  public static Element decodeAllowingIdentity(String text, String field) {
    if (IDENTITY_TEXT.equals(text)) {
      return IDENTITY;
    }
    return decode(text, field);
  }

  /**
   * Decodes the 65 uncompressed bytes {@code 04 ‖ x ‖ y} (§1.2 rules 5–8): prefix 04, x &lt; p, y &lt; p and
   * y² = x³ + a·x + b. No square root is taken.
   */
  public static Element fromUncompressed(byte[] enc, String field) {
    if (enc.length != P256.UNCOMPRESSED_BYTES) {
      throw new InvalidFieldException(field, "point must be " + P256.UNCOMPRESSED_BYTES + " bytes, got " + enc.length);
    }
    if (enc[0] != 0x04) {
      throw new InvalidFieldException(field, String.format("point prefix must be 04 (uncompressed), got %02x",
          enc[0] & 0xff));
    }
    BigInteger x = new BigInteger(1, enc, 1, 32);
    if (x.compareTo(P256.P) >= 0) {
      throw new InvalidFieldException(field, "x-coordinate is not less than the field prime p");
    }
    BigInteger y = new BigInteger(1, enc, 33, 32);
    if (y.compareTo(P256.P) >= 0) {
      throw new InvalidFieldException(field, "y-coordinate is not less than the field prime p");
    }
    ECPoint p = Curve.onCurve(x, y);
    if (p == null) {
      throw new InvalidFieldException(field, "point is not on the curve (y² ≠ x³ + a·x + b)");
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

  /** The 33-byte compressed encoding used inside hash inputs (§2.1); the identity is the single byte 00. */
  public byte[] toBytes() {
    return point.getEncoded(true);
  }

  /** The 65-byte uncompressed encoding {@code 04 ‖ x ‖ y} (§1.2); the identity is the single byte 00. */
  public byte[] toUncompressedBytes() {
    return point.getEncoded(false);
  }

  /** The wire and record text (§1.2): 87 base64url characters ({@code AA} for the identity). */
  public String encode() {
    return Base64Url.encode(toUncompressedBytes());
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
    return encode();
  }
}
