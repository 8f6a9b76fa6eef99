package org.evote.crypto.mix;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.P256;
import org.evote.crypto.group.internal.Points;
import org.evote.crypto.group.internal.SimplifiedSwu;
import org.evote.crypto.hash.Digest;
import org.evote.crypto.hash.DomainTags;

/**
 * Generators with no known discrete logarithm (protocol §13.1): RFC 9380 hash_to_curve with the suite
 * P256_XMD:SHA-256_SSWU_RO_, so that anyone can derive them from the election and check that nobody chose them.
 *
 * <p>Public inputs only (the election hash and an index), so the arithmetic need not be constant-time.
 */
public final class Generators {
  private static final BigInteger P = P256.P;
  /** L = ceil((ceil(log2 p) + k) / 8) = 48 bytes per field element (k = 128). */
  private static final int L = 48;
  private static final int MAX_DST = 255;

  private Generators() {}

  /** RFC 9380 hash_to_curve(msg) for P256_XMD:SHA-256_SSWU_RO_ with domain separation tag {@code dst}. */
  public static Element hashToCurve(byte[] msg, byte[] dst) {
    BigInteger[] u = hashToField(msg, dst);
    Element q0 = mapToCurve(u[0]);
    Element q1 = mapToCurve(u[1]);
    return q0.add(q1); // clear_cofactor is the identity map: P-256 has cofactor 1
  }

  /** The shuffle's generators for an election: h and h_1 … h_n (§13.1). */
  public record ShuffleGenerators(Element h, List<Element> hs) {
    public ShuffleGenerators {
      if (h == null) {
        throw new IllegalArgumentException("h is null");
      }
      hs = List.copyOf(hs);
    }
  }

  /** h and h_1 … h_n for election H_E (§13.1). */
  public static ShuffleGenerators forShuffle(Digest extendedHash, int n) {
    return forShuffle(extendedHash, n, 1);
  }

  /** As {@link #forShuffle(Digest, int)}, computed on {@code threads} threads (the result does not depend on it). */
  public static ShuffleGenerators forShuffle(Digest extendedHash, int n, int threads) {
    if (n < 1) {
      throw new IllegalArgumentException("the shuffle needs n ≥ 1 generators");
    }
    Element[] all = new Element[n + 1];
    Parallel.run(threads, n + 1, (from, to) -> {
      for (int i = from; i < to; i++) {
        all[i] = generator(extendedHash, i);
      }
    });
    return new ShuffleGenerators(all[0], Arrays.asList(all).subList(1, n + 1));
  }

  /** The first n of {@code all} (h and h_1 … h_n); refuses a set with fewer. */
  static ShuffleGenerators prefix(ShuffleGenerators all, int n) {
    if (all.hs().size() < n) {
      throw new IllegalArgumentException("the list has " + n + " rows, only " + all.hs().size()
          + " generators were given");
    }
    return all.hs().size() == n ? all : new ShuffleGenerators(all.h(), all.hs().subList(0, n));
  }

  /** The i-th generator (§13.1): hash_to_curve(H_E ‖ I2OSP(i, 4), MIX_GENERATORS); i = 0 is h. */
  static Element generator(Digest extendedHash, int i) {
    byte[] msg = Arrays.copyOf(extendedHash.toBytes(), Digest.BYTES + 4);
    msg[32] = (byte) (i >>> 24);
    msg[33] = (byte) (i >>> 16);
    msg[34] = (byte) (i >>> 8);
    msg[35] = (byte) i;
    return hashToCurve(msg, DomainTags.MIX_GENERATORS.getBytes(StandardCharsets.US_ASCII));
  }

  /** hash_to_field(msg, 2) of RFC 9380 §5.2 with m = 1, L = 48. */
  static BigInteger[] hashToField(byte[] msg, byte[] dst) {
    byte[] uniform = expandMessageXmd(msg, dst, 2 * L);
    return new BigInteger[] {new BigInteger(1, uniform, 0, L).mod(P), new BigInteger(1, uniform, L, L).mod(P)};
  }

  /** expand_message_xmd of RFC 9380 §5.3.1 with SHA-256 (b = 32 bytes, block s = 64 bytes). */
  static byte[] expandMessageXmd(byte[] msg, byte[] dst, int lenInBytes) {
    if (dst.length > MAX_DST) {
      throw new IllegalArgumentException("DST longer than 255 bytes");
    }
    int ell = (lenInBytes + 31) / 32;
    if (ell > 255 || lenInBytes > 65535) {
      throw new IllegalArgumentException("expand_message_xmd: len_in_bytes too large");
    }
    byte[] dstPrime = Arrays.copyOf(dst, dst.length + 1);
    dstPrime[dst.length] = (byte) dst.length;
    MessageDigest sha = sha256();
    sha.update(new byte[64]); // Z_pad
    sha.update(msg);
    sha.update(new byte[] {(byte) (lenInBytes >>> 8), (byte) lenInBytes, 0});
    sha.update(dstPrime);
    byte[] b0 = sha.digest();
    byte[] out = new byte[ell * 32];
    byte[] prev = new byte[32];
    for (int i = 1; i <= ell; i++) {
      byte[] in = new byte[32];
      for (int k = 0; k < 32; k++) {
        in[k] = (byte) (b0[k] ^ (i == 1 ? 0 : prev[k]));
      }
      sha.update(in);
      sha.update((byte) i);
      sha.update(dstPrime);
      prev = sha.digest();
      System.arraycopy(prev, 0, out, 32 * (i - 1), 32);
    }
    return Arrays.copyOf(out, lenInBytes);
  }

  /** map_to_curve_simple_swu of RFC 9380 §6.6.2 (A ≠ 0, B ≠ 0, Z = −10), as an affine point. */
  static Element mapToCurve(BigInteger u) {
    return Points.element(SimplifiedSwu.map(u));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
