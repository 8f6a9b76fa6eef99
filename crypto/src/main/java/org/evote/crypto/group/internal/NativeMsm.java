package org.evote.crypto.group.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The native multi-scalar multiplication (crypto/src/main/c/evotemsm.c, through JNI): Σ k_i·P_i in one native call
 * per sum, never one per field operation. It is built by Maven where gcc is present and packaged as the resource
 * {@value #RESOURCE}; anywhere else, or if loading fails for any reason, {@link Msm} keeps the pure-Java path (the
 * reason is logged once at debug level).
 *
 * <p>Public data only: the native code is not constant-time, and {@link Msm} is used only to verify (proof
 * equations of protocol §4.5 and the share check of §7 over published commitments), never on secrets.
 *
 * <p>{@code -Devote.msm=java|native|auto} (default auto), read once: {@code java} never loads the library;
 * {@code native} uses it for every sum when it loaded; {@code auto} for sums of at least {@link #THRESHOLD} terms.
 *
 * <p>Inputs: every point passed here is a point of the curve, because points reach {@link Msm} only from
 * {@link org.evote.crypto.group.Element}s (through {@link Points#raw}), and an Element's constructor is private: it
 * is made by {@code Element.decode}/{@code fromUncompressed}, which validate the encoding (protocol §1.2: x below p and a
 * point of the curve), by {@link Points#element} from the results of group operations, or is G or the identity. The
 * native code checks each point again (coordinates below p, y² = x³ − 3x + b) and refuses the sum otherwise; lengths
 * and scalar ranges are checked here before the call.
 */
public final class NativeMsm {
  /** The library inside the crypto jar, for Linux on x86-64. */
  static final String RESOURCE = "/org/evote/crypto/native/linux-x86_64/libevotemsm.so";
  /**
   * In auto mode, sums of at least this many terms go native: where the Java path switches from Bouncy Castle's
   * interleaved wNAF to Pippenger. Below it the native code (Straus, then Pippenger) was not reliably faster than
   * Bouncy Castle's wNAF on the noisy 2-core machine (0.8–1.8× at 2–24 terms); from 24 terms about twice as fast
   * as the Java Pippenger, three to four times at 400.
   */
  static final int THRESHOLD = 24;

  private static final System.Logger LOG = System.getLogger(NativeMsm.class.getName());

  /** The -Devote.msm setting. */
  enum Mode {
    JAVA,
    NATIVE,
    AUTO
  }

  private static final Mode MODE = readMode(System.getProperty("evote.msm"));
  /** Why the library is not in use, or empty when it is loaded and passed its self-test. */
  private static final Optional<String> UNAVAILABLE = MODE == Mode.JAVA ? Optional.of("-Devote.msm=java") : load();

  private NativeMsm() {}

  /** True if the native library is loaded and passed its self-test. */
  public static boolean loaded() {
    return UNAVAILABLE.isEmpty();
  }

  /** Why the native library is not in use, if it is not. */
  public static Optional<String> unavailableReason() {
    return UNAVAILABLE;
  }

  /** True if a sum of {@code n} terms should be computed natively. */
  static boolean use(int n) {
    return n > 0 && UNAVAILABLE.isEmpty() && (MODE == Mode.NATIVE || n >= THRESHOLD);
  }

  /**
   * Σ ks[i]·ps[i] for i below n, natively (the library must be loaded). Points may be in any coordinates, the
   * point at infinity contributes nothing; scalars must be in [0, 2^256).
   */
  static ECPoint sum(ECPoint[] ps, BigInteger[] ks, int n) {
    if (n < 0 || n > ps.length || n > ks.length || n > Integer.MAX_VALUE / 64) {
      throw new IllegalArgumentException("msm: n = " + n + " does not fit the arrays");
    }
    byte[] points = new byte[64 * n];
    byte[] scalars = new byte[32 * n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      BigInteger k = ks[i];
      if (k.signum() < 0 || k.bitLength() > 256) {
        throw new IllegalArgumentException("msm: scalar " + i + " is not in [0, 2^256)");
      }
      ECPoint p = ps[i];
      if (p.isInfinity() || k.signum() == 0) {
        continue;
      }
      p = p.normalize();
      p.getAffineXCoord().encodeTo(points, 64 * m); // 32 bytes big-endian, straight from the limbs
      p.getAffineYCoord().encodeTo(points, 64 * m + 32);
      putBigEndian(k, scalars, 32 * m);
      m++;
    }
    if (m == 0) {
      return Curve.CURVE.getInfinity();
    }
    if (m < n) {
      points = java.util.Arrays.copyOf(points, 64 * m);
      scalars = java.util.Arrays.copyOf(scalars, 32 * m);
    }
    byte[] out = new byte[64];
    int rc = sum0(points, scalars, m, out);
    switch (rc) {
      case 1:
        return Curve.CURVE.createPoint(
            new BigInteger(1, java.util.Arrays.copyOfRange(out, 0, 32)),
            new BigInteger(1, java.util.Arrays.copyOfRange(out, 32, 64)));
      case 0:
        return Curve.CURVE.getInfinity();
      case -1:
        throw new OutOfMemoryError("native msm: out of memory for " + m + " terms");
      case -2:
        throw new IllegalArgumentException("native msm: a point is not on the curve");
      default:
        throw new IllegalStateException("native msm: refused its input (code " + rc + ")");
    }
  }

  private static void putBigEndian(BigInteger v, byte[] to, int at) {
    byte[] b = v.toByteArray(); // minimal two's complement: up to 33 bytes with a leading 0
    int len = Math.min(b.length, 32);
    System.arraycopy(b, b.length - len, to, at + 32 - len, len);
  }

  /** The whole MSM: 1 and the affine sum in out, 0 for infinity, negative on refusal (evotemsm.c). */
  private static native int sum0(byte[] points, byte[] scalars, int n, byte[] out);

  static Mode readMode(String value) {
    if (value == null || value.isBlank()) {
      return Mode.AUTO;
    }
    switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "java":
        return Mode.JAVA;
      case "native":
        return Mode.NATIVE;
      case "auto":
        return Mode.AUTO;
      default:
        LOG.log(Level.WARNING, "evote.msm=" + value + " is not java, native or auto; using auto");
        return Mode.AUTO;
    }
  }

  private static Optional<String> load() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    Optional<String> why;
    if (!os.startsWith("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
      why = Optional.of("no native MSM built for " + os + "/" + arch);
    } else {
      why = extractAndLoad();
    }
    if (why.isPresent()) {
      LOG.log(Level.DEBUG, "native MSM not in use, the Java path computes every sum: " + why.get());
    } else {
      LOG.log(Level.DEBUG, "native MSM loaded (mode " + MODE.name().toLowerCase(Locale.ROOT) + ")");
    }
    return why;
  }

  private static Optional<String> extractAndLoad() {
    try (InputStream in = NativeMsm.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return Optional.of("resource " + RESOURCE + " absent (built without gcc)");
      }
      Path file =
          Files.createTempFile(
              "evotemsm-", ".so", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      try {
        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        System.load(file.toAbsolutePath().toString());
      } finally {
        Files.deleteIfExists(file); // the loaded mapping stays valid
      }
      return selfTest();
    } catch (IOException | RuntimeException | LinkageError e) {
      return Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /** 1·G + 2·G = 3·G and G + (−G) = O, against Bouncy Castle. */
  private static Optional<String> selfTest() {
    ECPoint g = Curve.G;
    ECPoint three = sum(new ECPoint[] {g, g}, new BigInteger[] {BigInteger.ONE, BigInteger.TWO}, 2);
    ECPoint zero = sum(new ECPoint[] {g, g.negate()}, new BigInteger[] {BigInteger.ONE, BigInteger.ONE}, 2);
    if (!three.equals(g.multiply(BigInteger.valueOf(3))) || !zero.isInfinity()) {
      return Optional.of("self-test failed");
    }
    return Optional.empty();
  }
}
