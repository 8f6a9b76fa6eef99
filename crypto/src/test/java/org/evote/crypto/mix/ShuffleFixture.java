package org.evote.crypto.mix;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.evote.crypto.elgamal.Ciphertext;
import org.evote.crypto.elgamal.ElectionPublicKey;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.Scalar;
import org.evote.crypto.hash.Digest;

/** A small election key and random lists to shuffle, for the mix tests. */
final class ShuffleFixture {
  final SecureRandom random;
  final Scalar secret;
  final ElectionPublicKey key;
  final Digest extendedHash;

  ShuffleFixture(SecureRandom random) {
    this.random = random;
    this.secret = Scalar.random(random);
    this.key = new ElectionPublicKey(Element.gPow(secret));
    byte[] h = new byte[32];
    random.nextBytes(h);
    this.extendedHash = Digest.of(h);
  }

  /** An encryption of m·G (m small) under K. */
  Ciphertext encrypt(long m) {
    Scalar r = Scalar.random(random);
    Element mg = m == 0 ? Element.IDENTITY : Element.gPow(Scalar.of(m));
    return new Ciphertext(Element.gPow(r), key.multiply(r).add(mg));
  }

  /** N rows of width w, row i encrypting (i·w + j + 1)·G in column j. */
  List<MixRow> rows(int n, int w) {
    List<MixRow> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      List<Ciphertext> row = new ArrayList<>(w);
      for (int j = 0; j < w; j++) {
        row.add(encrypt((long) i * w + j + 1));
      }
      rows.add(new MixRow(row));
    }
    return rows;
  }

  ShuffleStatement statement(List<MixRow> in, List<MixRow> out) {
    return new ShuffleStatement(extendedHash, key, "mayor", 1, 2, in, out);
  }

  /** The message point of a ciphertext: β − x·α. */
  Element decrypt(Ciphertext c) {
    return c.beta().subtract(c.alpha().multiply(secret));
  }
}
