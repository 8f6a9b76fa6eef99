package org.evote.crypto.ballot;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.internal.Curve;
import org.evote.crypto.group.internal.Points;

/**
 * Write-in names as curve points (protocol §5.6): the name's UTF-8 bytes padded with 0x00 to
 * {@link WriteInNames#MAX_BYTES} bytes, cut into {@link MixedContests#WRITE_IN_POINTS} chunks of
 * {@value #CHUNK_BYTES} bytes; chunk k becomes the point with x = chunk ‖ t (32 bytes, big-endian) for the smallest
 * t in 0 … 255 for which x³ − 3x + b is a square mod p, and the even y of the two. A blank line is the all-zero
 * chunks. Decoding reads back the first 31 bytes of each x.
 */
public final class NamePoints {
  /** Data bytes per point. */
  public static final int CHUNK_BYTES = 31;

  private NamePoints() {}

  /** The points of {@code name} (empty for a blank line); the name must satisfy {@link WriteInNames}. */
  public static List<Element> encode(java.util.Optional<String> name) {
    byte[] padded = new byte[CHUNK_BYTES * MixedContests.WRITE_IN_POINTS];
    if (name.isPresent()) {
      WriteInNames.problem(name.get()).ifPresent(p -> {
        throw new IllegalArgumentException(p);
      });
      byte[] utf8 = name.get().getBytes(StandardCharsets.UTF_8);
      System.arraycopy(utf8, 0, padded, 0, utf8.length);
    }
    List<Element> out = new ArrayList<>(MixedContests.WRITE_IN_POINTS);
    for (int k = 0; k < MixedContests.WRITE_IN_POINTS; k++) {
      out.add(chunkPoint(padded, k * CHUNK_BYTES));
    }
    return out;
  }

  private static Element chunkPoint(byte[] data, int from) {
    byte[] x = new byte[CHUNK_BYTES + 1];
    System.arraycopy(data, from, x, 0, CHUNK_BYTES);
    for (int t = 0; t < 256; t++) {
      x[CHUNK_BYTES] = (byte) t;
      org.bouncycastle.math.ec.ECPoint p = Curve.withEvenY(new BigInteger(1, x));
      if (p != null) {
        return Points.element(p);
      }
    }
    throw new IllegalStateException("no counter 0 … 255 puts the chunk on the curve");
  }

  /**
   * What {@code points} (a write-in line's decrypted points) say: {@link DecodedRow.Blank} if all data bytes are
   * zero, {@link DecodedRow.Name} if they are a valid name's UTF-8 followed only by zero bytes, otherwise
   * {@link DecodedRow.Unreadable} with the reason. Never throws.
   */
  public static DecodedRow.WrittenName decode(List<Element> points) {
    if (points.size() != MixedContests.WRITE_IN_POINTS) {
      return new DecodedRow.Unreadable("a name has " + MixedContests.WRITE_IN_POINTS + " points, got "
          + points.size());
    }
    byte[] data = new byte[CHUNK_BYTES * MixedContests.WRITE_IN_POINTS];
    for (int k = 0; k < points.size(); k++) {
      Element p = points.get(k);
      if (p == null || p.isIdentity()) {
        return new DecodedRow.Unreadable("point " + (k + 1) + " of the name is the identity");
      }
      byte[] enc = p.toUncompressedBytes();
      System.arraycopy(enc, 1, data, k * CHUNK_BYTES, CHUNK_BYTES);
    }
    int length = 0;
    while (length < data.length && data[length] != 0) {
      length++;
    }
    for (int i = length; i < data.length; i++) {
      if (data[i] != 0) {
        return new DecodedRow.Unreadable("the name's padding is not all zero bytes");
      }
    }
    if (length == 0) {
      return new DecodedRow.Blank();
    }
    String name;
    try {
      name = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data, 0, length)).toString();
    } catch (CharacterCodingException e) {
      return new DecodedRow.Unreadable("the name is not valid UTF-8");
    }
    return WriteInNames.problem(name).<DecodedRow.WrittenName>map(DecodedRow.Unreadable::new)
        .orElseGet(() -> new DecodedRow.Name(name));
  }
}
