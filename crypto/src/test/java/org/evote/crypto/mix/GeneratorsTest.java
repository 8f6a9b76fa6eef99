package org.evote.crypto.mix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.Hex;
import org.evote.crypto.hash.Digest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** RFC 9380 Appendix J.1.1 (P256_XMD:SHA-256_SSWU_RO_) and the shuffle's generators (§13.1). */
class GeneratorsTest {
  private static final byte[] DST = "QUUX-V01-CS02-with-P256_XMD:SHA-256_SSWU_RO_".getBytes(StandardCharsets.US_ASCII);

  @ParameterizedTest
  @CsvSource({
      "'', 2c15230b26dbc6fc9a37051158c95b79656e17a1a920b11394ca91c44247d3e4, "
          + "8a7a74985cc5c776cdfe4b1f19884970453912e9d31528c060be9ab5c43e8415, "
          + "ad5342c66a6dd0ff080df1da0ea1c04b96e0330dd89406465eeba11582515009, "
          + "8c0f1d43204bd6f6ea70ae8013070a1518b43873bcd850aafa0a9e220e2eea5a",
      "abc, 0bb8b87485551aa43ed54f009230450b492fead5f1cc91658775dac4a3388a0f, "
          + "5c41b3d0731a27a7b14bc0bf0ccded2d8751f83493404c84a88e71ffd424212e, "
          + "afe47f2ea2b10465cc26ac403194dfb68b7f5ee865cda61e9f3e07a537220af1, "
          + "379a27833b0bfe6f7bdca08e1e83c760bf9a338ab335542704edcd69ce9e46e0",
      "abcdef0123456789, 65038ac8f2b1def042a5df0b33b1f4eca6bff7cb0f9c6c1526811864e544ed80, "
          + "cad44d40a656e7aff4002a8de287abc8ae0482b5ae825822bb870d6df9b56ca3, "
          + "0fad9d125a9477d55cf9357105b0eb3a5c4259809bf87180aa01d651f53d312c, "
          + "b68597377392cd3419d8fcc7d7660948c8403b19ea78bbca4b133c9d2196c0fb",
      "q128, 4be61ee205094282ba8a2042bcb48d88dfbb609301c49aa8b078533dc65a0b5d, "
          + "98f8df449a072c4721d241a3b1236d3caccba603f916ca680f4539d2bfb3c29e, "
          + "3bbc30446f39a7befad080f4d5f32ed116b9534626993d2cc5033f6f8d805919, "
          + "76bb02db019ca9d3c1e02f0c17f8baf617bbdae5c393a81d9ce11e3be1bf1d33",
      "a512, 457ae2981f70ca85d8e24c308b14db22f3e3862c5ea0f652ca38b5e49cd64bc5, "
          + "ecb9f0eadc9aeed232dabc53235368c1394c78de05dd96893eefa62b0f4757dc, "
          + "4ebc95a6e839b1ae3c63b847798e85cb3c12d3817ec6ebc10af6ee51adb29fec, "
          + "4e21af88e22ea80156aff790750121035b3eefaa96b425a8716e0d20b4e269ee"})
  void rfc9380Vectors(String name, String px, String py, String u0, String u1) {
    byte[] msg = message(name);
    BigInteger[] u = Generators.hashToField(msg, DST);
    assertEquals(new BigInteger(u0, 16), u[0]);
    assertEquals(new BigInteger(u1, 16), u[1]);
    byte[] enc = Generators.hashToCurve(msg, DST).toUncompressedBytes();
    assertEquals(px, Hex.encode(java.util.Arrays.copyOfRange(enc, 1, 33)));
    assertEquals(py, Hex.encode(java.util.Arrays.copyOfRange(enc, 33, 65)));
  }

  /** The RFC's messages: "q128_" followed by 128 'q', "a512_" followed by 512 'a'. */
  private static byte[] message(String name) {
    String m = switch (name) {
      case "q128" -> "q128_" + "q".repeat(128);
      case "a512" -> "a512_" + "a".repeat(512);
      default -> name;
    };
    return m.getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void theMapTakesTheExceptionalBranchWhenItsDenominatorVanishes() {
    // u = 0 makes Z²·u⁴ + Z·u² = 0: x1 = B/(Z·A), and the result is a point of the curve.
    Element p = Generators.mapToCurve(BigInteger.ZERO);
    assertFalse(p.isIdentity());
  }

  @Test
  void shuffleGeneratorsAreDistinctAndDependOnTheElection() {
    Digest e1 = Digest.of(new byte[32]);
    byte[] other = new byte[32];
    other[0] = 1;
    Generators.ShuffleGenerators a = Generators.forShuffle(e1, 20);
    Generators.ShuffleGenerators b = Generators.forShuffle(Digest.of(other), 20);
    Generators.ShuffleGenerators par = Generators.forShuffle(e1, 20, 3);
    assertEquals(a, par);
    Set<Element> all = new HashSet<>(a.hs());
    all.add(a.h());
    all.add(Element.G);
    assertEquals(22, all.size());
    assertNotEquals(a.h(), b.h());
    assertEquals(a.hs().subList(0, 5), Generators.forShuffle(e1, 5).hs());
    assertEquals(List.of(Generators.generator(e1, 3)), a.hs().subList(2, 3));
  }

  /** A plain BigInteger transcription of RFC 9380 §6.6.2, to compare the field-arithmetic map with. */
  private static Element referenceMap(BigInteger u) {
    BigInteger p = org.evote.crypto.group.P256.P;
    BigInteger a = org.evote.crypto.group.P256.a();
    BigInteger b = org.evote.crypto.group.P256.b();
    BigInteger z = p.subtract(BigInteger.TEN);
    BigInteger zu2 = z.multiply(u).multiply(u).mod(p);
    BigInteger tv1 = zu2.multiply(zu2).add(zu2).mod(p);
    BigInteger x1 = tv1.signum() == 0 ? b.multiply(z.multiply(a).modInverse(p)).mod(p)
        : p.subtract(b).multiply(a.modInverse(p)).multiply(BigInteger.ONE.add(tv1.modInverse(p))).mod(p);
    BigInteger exp = p.add(BigInteger.ONE).shiftRight(2);
    BigInteger gx1 = x1.pow(3).add(a.multiply(x1)).add(b).mod(p);
    BigInteger x = x1;
    BigInteger y = gx1.modPow(exp, p);
    if (!y.multiply(y).mod(p).equals(gx1)) {
      x = zu2.multiply(x1).mod(p);
      y = x.pow(3).add(a.multiply(x)).add(b).mod(p).modPow(exp, p);
    }
    if (u.testBit(0) != y.testBit(0)) {
      y = p.subtract(y).mod(p);
    }
    return Element.fromUncompressed(org.evote.crypto.group.Hex.decode("04" + Hex.encode(
        Hex.fixedLength(x, 32)) + Hex.encode(Hex.fixedLength(y, 32)), 65, "x"), "reference");
  }

  @Test
  void theMapAgreesWithAPlainTranscriptionOnBothBranches() {
    java.util.Random r = new java.util.Random(15);
    int[] branches = new int[2];
    for (int i = 0; i < 200; i++) {
      BigInteger u = new BigInteger(256, r).mod(org.evote.crypto.group.P256.P);
      assertEquals(referenceMap(u), Generators.mapToCurve(u));
      BigInteger p = org.evote.crypto.group.P256.P;
      BigInteger x1 = referenceX1(u);
      BigInteger gx1 = x1.pow(3).add(org.evote.crypto.group.P256.a().multiply(x1)).add(org.evote.crypto.group.P256.b())
          .mod(p);
      branches[gx1.modPow(p.shiftRight(1), p).equals(BigInteger.ONE) ? 0 : 1]++;
    }
    assertTrue(branches[0] > 0 && branches[1] > 0, "both branches taken: " + java.util.Arrays.toString(branches));
    assertEquals(referenceMap(BigInteger.ZERO), Generators.mapToCurve(BigInteger.ZERO));
  }

  private static BigInteger referenceX1(BigInteger u) {
    BigInteger p = org.evote.crypto.group.P256.P;
    BigInteger a = org.evote.crypto.group.P256.a();
    BigInteger b = org.evote.crypto.group.P256.b();
    BigInteger zu2 = p.subtract(BigInteger.TEN).multiply(u).multiply(u).mod(p);
    BigInteger tv1 = zu2.multiply(zu2).add(zu2).mod(p);
    return p.subtract(b).multiply(a.modInverse(p)).multiply(BigInteger.ONE.add(tv1.modInverse(p))).mod(p);
  }
}
