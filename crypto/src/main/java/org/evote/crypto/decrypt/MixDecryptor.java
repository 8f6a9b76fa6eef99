package org.evote.crypto.decrypt;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.math.ec.ECPoint;
import org.evote.crypto.ceremony.GuardianKey;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.elgamal.Ciphertext;
import org.evote.crypto.group.Element;
import org.evote.crypto.group.Scalar;
import org.evote.crypto.group.internal.Curve;
import org.evote.crypto.group.internal.Points;
import org.evote.crypto.mix.MixList;
import org.evote.crypto.mix.MixRow;
import org.evote.crypto.proof.MixDecryptionProof;

/**
 * Threshold decryption of the final mixed lists (protocol §13.5): each present guardian's partial decryption of
 * every ciphertext with a Chaum–Pedersen proof, and the combination of k of them into the plaintext points
 * M = B − Σ w_ℓ·M_ℓ (Lagrange coefficients w_ℓ, §8.3). The rows are independent, so both run on {@code threads}.
 */
public final class MixDecryptor {
  private final ElectionConfig config;
  private final int threads;

  public MixDecryptor(ElectionConfig config, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1");
    }
    this.config = config;
    this.threads = threads;
  }

  /** Guardian ℓ's partial decryption of every ciphertext of the non-empty lists of {@code finalLists}. */
  public MixDecryptionShare partialDecrypt(GuardianKey key, List<MixList> finalLists, SecureRandom random) {
    if (key.index() > config.guardianCount()) {
      throw new IllegalArgumentException("guardian " + key.index() + " is not one of the " + config.guardianCount());
    }
    Element vk = config.verificationKey(key.index());
    if (!key.verificationKey().equals(vk)) {
      throw new IllegalArgumentException("guardian " + key.index() + "'s key does not belong to this election");
    }
    List<MixDecryptionShare.Contest> contests = new ArrayList<>();
    for (MixList list : finalLists) {
      if (list.size() == 0) {
        continue;
      }
      List<List<MixDecryptionShare.Partial>> rows = parallel(list.size(), i -> {
        MixRow row = list.rows().get(i);
        List<MixDecryptionShare.Partial> out = new ArrayList<>(row.width());
        for (int j = 0; j < row.width(); j++) {
          Ciphertext ct = row.ciphertexts().get(j);
          Element partial = ct.alpha().multiply(key.share());
          MixDecryptionProof.Statement st = new MixDecryptionProof.Statement(config.extendedHash(),
              config.jointKey().element(), key.index(), vk, list.contestId(), i, j, ct, partial);
          out.add(new MixDecryptionShare.Partial(partial, MixDecryptionProof.prove(st, key.share(), random)));
        }
        return out;
      });
      contests.add(new MixDecryptionShare.Contest(list.contestId(), rows));
    }
    return new MixDecryptionShare(key.index(), contests);
  }

  /**
   * Combines the shares of at least k distinct guardians (proofs checked by the caller or the verifier) into the
   * plaintext points of each non-empty list: {@code result.get(c).get(i).get(j)} = M of ciphertext j of row i of the
   * c-th non-empty list.
   */
  public List<List<List<Element>>> combine(List<MixList> finalLists, List<MixDecryptionShare> shares)
      throws Decryptor.DecryptionException {
    SortedSet<Integer> present = new TreeSet<>();
    for (MixDecryptionShare s : shares) {
      if (!present.add(s.guardian())) {
        throw new Decryptor.DecryptionException("guardian " + s.guardian() + " gave two shares");
      }
    }
    if (present.size() < config.quorum()) {
      throw new Decryptor.DecryptionException("decryption needs at least " + config.quorum() + " of the "
          + config.guardianCount() + " guardians; only " + present.size() + " present " + present);
    }
    Map<Integer, Scalar> w = Lagrange.coefficients(present);
    List<MixList> lists = finalLists.stream().filter(l -> l.size() > 0).toList();
    for (MixDecryptionShare s : shares) {
      String shape = shapeProblem(lists, s);
      if (shape != null) {
        throw new Decryptor.DecryptionException("guardian " + s.guardian() + "'s share " + shape);
      }
    }
    List<List<List<Element>>> out = new ArrayList<>();
    for (int c = 0; c < lists.size(); c++) {
      MixList list = lists.get(c);
      int contest = c;
      out.add(parallel(list.size(), i -> {
        MixRow row = list.rows().get(i);
        List<Element> points = new ArrayList<>(row.width());
        for (int j = 0; j < row.width(); j++) {
          ECPoint m = Curve.infinity();
          for (MixDecryptionShare s : shares) {
            Element partial = s.contests().get(contest).rows().get(i).get(j).partial();
            m = m.add(Points.raw(partial.multiply(w.get(s.guardian()))));
          }
          points.add(row.ciphertexts().get(j).beta().subtract(Points.element(m)));
        }
        return points;
      }));
    }
    return out;
  }

  /** Why {@code share} does not cover exactly the non-empty lists {@code lists}' ciphertexts, or null. */
  public static String shapeProblem(List<MixList> lists, MixDecryptionShare share) {
    if (share.contests().size() != lists.size()) {
      return "covers " + share.contests().size() + " lists; " + lists.size() + " non-empty lists were mixed";
    }
    for (int c = 0; c < lists.size(); c++) {
      MixList l = lists.get(c);
      MixDecryptionShare.Contest sc = share.contests().get(c);
      if (!sc.contestId().equals(l.contestId())) {
        return "list " + c + " is of " + sc.contestId() + "; " + l.contestId() + " is expected";
      }
      if (sc.rows().size() != l.size()) {
        return "has " + sc.rows().size() + " rows for " + l.contestId() + "; the final list has " + l.size();
      }
      int w = l.rows().get(0).width();
      for (int i = 0; i < sc.rows().size(); i++) {
        if (sc.rows().get(i).size() != w) {
          return "row " + i + " of " + l.contestId() + " has " + sc.rows().get(i).size() + " partials; the rows "
              + "have " + w + " ciphertexts";
        }
      }
    }
    return null;
  }

  private interface RowTask<T> {
    T run(int row);
  }

  /** Runs {@code task} for rows 0 … n − 1 on {@code threads} threads, results in row order. */
  private <T> List<T> parallel(int n, RowTask<T> task) {
    List<T> out = new ArrayList<>(java.util.Collections.nCopies(n, null));
    int chunks = Math.min(threads, Math.max(1, n / 64));
    if (chunks <= 1) {
      for (int i = 0; i < n; i++) {
        out.set(i, task.run(i));
      }
      return out;
    }
    ExecutorService pool = Executors.newFixedThreadPool(chunks, r -> {
      Thread t = new Thread(r, "mix-decryption");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int c = 0; c < chunks; c++) {
        int from = (int) ((long) c * n / chunks);
        int to = (int) ((long) (c + 1) * n / chunks);
        futures.add(pool.submit(() -> {
          for (int i = from; i < to; i++) {
            out.set(i, task.run(i));
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("decryption interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
