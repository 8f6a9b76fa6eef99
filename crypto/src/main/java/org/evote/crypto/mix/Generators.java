package org.evote.crypto.mix;

import java.util.List;
import org.evote.crypto.group.Element;
import org.evote.crypto.hash.Digest;

/**
 * Generators with no known discrete logarithm (protocol §13.1): RFC 9380 hash_to_curve with the suite
 * P256_XMD:SHA-256_SSWU_RO_, so that anyone can derive them from the election and check that nobody chose them.
 */
public final class Generators {
  private Generators() {}

  /** RFC 9380 hash_to_curve(msg) for P256_XMD:SHA-256_SSWU_RO_ with domain separation tag {@code dst}. */
  public static Element hashToCurve(byte[] msg, byte[] dst) {
    throw new UnsupportedOperationException("shuffle15: not yet implemented");
  }

  /** The shuffle's generators for an election: h and h_1 … h_n (§13.1). */
  public record ShuffleGenerators(Element h, List<Element> hs) {
    public ShuffleGenerators {
      hs = List.copyOf(hs);
    }
  }

  /** h and h_1 … h_n for election H_E (§13.1). */
  public static ShuffleGenerators forShuffle(Digest extendedHash, int n) {
    throw new UnsupportedOperationException("shuffle15: not yet implemented");
  }
}
