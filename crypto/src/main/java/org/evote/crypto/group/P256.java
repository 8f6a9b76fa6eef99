package org.evote.crypto.group;

import java.math.BigInteger;
import org.evote.crypto.group.internal.Curve;

/** The group of docs/protocol.md §1: NIST P-256 (SEC 2 secp256r1), its prime order q and published parameters. */
public final class P256 {
  /** The field prime p. */
  public static final BigInteger P = Curve.CURVE.getField().getCharacteristic();
  /** The group order q (the curve has cofactor 1, so every point other than the identity generates the group). */
  public static final BigInteger Q = Curve.ORDER;
  /** Length of the uncompressed point encoding {@code 04 ‖ x ‖ y}, the wire and record form (§1.2), in bytes. */
  public static final int UNCOMPRESSED_BYTES = 65;
  /** Length of the compressed point encoding {@code 02|03 ‖ x}, the form inside hash inputs (§2.1), in bytes. */
  public static final int COMPRESSED_BYTES = 33;
  /** Length of an element's text on the wire and in the record: base64url of the 65 uncompressed bytes (§1.2). */
  public static final int ELEMENT_TEXT_LENGTH = 87;
  /** Length of a scalar encoding in bytes. */
  public static final int SCALAR_BYTES = 32;

  private P256() {}

  /** The curve coefficient b, published in the parameters. */
  public static BigInteger b() {
    return Curve.B;
  }

  /** The curve coefficient a (= p − 3), published in the parameters. */
  public static BigInteger a() {
    return Curve.A;
  }
}
