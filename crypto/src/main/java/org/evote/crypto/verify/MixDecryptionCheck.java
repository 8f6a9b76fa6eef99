package org.evote.crypto.verify;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.decrypt.Decryptor;
import org.evote.crypto.decrypt.MixDecryptionShare;
import org.evote.crypto.decrypt.MixDecryptor;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.group.Element;
import org.evote.crypto.json.Fields;
import org.evote.crypto.json.MixDecryptionJson;
import org.evote.crypto.json.MixedBallotsJson;
import org.evote.crypto.decrypt.DecodedList;
import org.evote.crypto.mix.MixList;
import org.evote.crypto.mix.MixRow;
import org.evote.crypto.decrypt.MixedResults;
import org.evote.crypto.proof.BatchVerifier;
import org.evote.crypto.proof.MixDecryptionProof;

/**
 * V22: {@code mix_decryption.json} decodes; each share is from a distinct guardian ℓ ≤ n, covers exactly the
 * ciphertexts of the non-empty final lists, and every Chaum–Pedersen proof holds (batched, §4.5, in chunks on the
 * verifier's threads); at least k guardians decrypted; the combined plaintexts decode to valid rows, and those rows
 * are exactly {@code mixed_ballots.json}'s.
 */
public final class MixDecryptionCheck {
  /** Proofs per batch. */
  private static final int CHUNK = 4_096;

  private MixDecryptionCheck() {}

  /** The decoded rows if V22 passed. */
  static Optional<List<DecodedList>> run(ElectionConfig config, List<MixList> finalLists, MixRecord record,
      SecureRandom random, int threads, VerificationReport.Recorder v22) {
    if (!(record.decryption() instanceof MixRecord.Present file)) {
      v22.fail("mix_decryption.json", "missing: the final mixed lists are not decrypted");
      return Optional.empty();
    }
    List<MixDecryptionShare> shares;
    try {
      shares = MixDecryptionJson.decode(Fields.of(file.read(), file.name()));
    } catch (InvalidFieldException e) {
      v22.fail(file.name(), e.getMessage());
      return Optional.empty();
    }
    List<MixList> lists = finalLists.stream().filter(l -> l.size() > 0).toList();
    List<MixDecryptionShare> valid = new ArrayList<>();
    SortedSet<Integer> guardians = new TreeSet<>();
    for (MixDecryptionShare share : shares) {
      String object = "guardian " + share.guardian() + "'s decryption of the mixed lists";
      v22.checked(1);
      if (share.guardian() > config.guardianCount()) {
        v22.fail(object, "there are only " + config.guardianCount() + " guardians");
        continue;
      }
      if (!guardians.add(share.guardian())) {
        v22.fail(object, "guardian gave two shares");
        continue;
      }
      String shape = MixDecryptor.shapeProblem(lists, share);
      if (shape != null) {
        v22.fail(object, shape);
        continue;
      }
      Optional<String> failure = proofs(config, lists, share, random, threads, v22);
      if (failure.isPresent()) {
        v22.fail(object, failure.get());
        continue;
      }
      valid.add(share);
    }
    if (guardians.size() < config.quorum() || valid.size() < config.quorum()) {
      v22.fail("mix_decryption.json", "only " + valid.size() + " guardians' decryptions hold; the quorum is "
          + config.quorum());
      return Optional.empty();
    }
    if (v22.failed()) {
      return Optional.empty();
    }
    List<DecodedList> decoded;
    try {
      List<List<List<Element>>> points = new MixDecryptor(config, threads).combine(finalLists, valid);
      decoded = MixedResults.decode(config.manifest(), finalLists, points);
    } catch (Decryptor.DecryptionException | MixedResults.UndecodableRowException e) {
      v22.fail("mixed lists", e.getMessage());
      return Optional.empty();
    }
    compare(config, decoded, record.mixedBallots(), v22);
    return v22.failed() ? Optional.empty() : Optional.of(decoded);
  }

  /** The published decrypted rows must be exactly the ones the shares give. */
  private static void compare(ElectionConfig config, List<DecodedList> decoded, MixRecord.File file,
      VerificationReport.Recorder v22) {
    if (!(file instanceof MixRecord.Present p)) {
      v22.fail("mixed_ballots.json", "missing");
      return;
    }
    List<DecodedList> published;
    try {
      published = MixedBallotsJson.decode(config.manifest(), Fields.of(p.read(), p.name()));
    } catch (InvalidFieldException e) {
      v22.fail(p.name(), e.getMessage());
      return;
    }
    if (published.size() != decoded.size()) {
      v22.fail(p.name(), "has " + published.size() + " contests; " + decoded.size() + " mixed contests");
      return;
    }
    for (int c = 0; c < decoded.size(); c++) {
      DecodedList want = decoded.get(c);
      DecodedList got = published.get(c);
      if (!got.contestId().equals(want.contestId())) {
        v22.fail(p.name(), "contest " + c + " is " + got.contestId() + "; " + want.contestId() + " is expected");
        continue;
      }
      if (got.rows().size() != want.rows().size()) {
        v22.fail(p.name(), want.contestId() + " has " + got.rows().size() + " rows; the final list has "
            + want.rows().size());
        continue;
      }
      for (int i = 0; i < want.rows().size(); i++) {
        if (!got.rows().get(i).equals(want.rows().get(i))) {
          v22.fail(p.name(), "row " + i + " of " + want.contestId() + " is not the decryption of the final list");
        }
      }
    }
  }

  /**
   * The Chaum–Pedersen proofs of one guardian's share of the final lists' decryption (the costliest part of V22),
   * on {@code threads} threads: the first failure, or empty. For tools and benchmarks; the verifier runs it in V22.
   */
  public static Optional<String> shareProofs(ElectionConfig config, List<MixList> lists, MixDecryptionShare share,
      SecureRandom random, int threads) {
    return proofs(config, lists, share, random, threads, new VerificationReport.Recorder(Step.V22_MIX_DECRYPTION));
  }

  /** All of one share's proofs, in batches of {@link #CHUNK} on {@code threads} threads; the first failure. */
  private static Optional<String> proofs(ElectionConfig config, List<MixList> lists, MixDecryptionShare share,
      SecureRandom random, int threads, VerificationReport.Recorder v22) {
    record Item(int contest, int row, int column) {}
    List<List<Item>> chunks = new ArrayList<>();
    List<Item> chunk = new ArrayList<>();
    for (int c = 0; c < lists.size(); c++) {
      MixList l = lists.get(c);
      for (int i = 0; i < l.size(); i++) {
        for (int j = 0; j < l.rows().get(i).width(); j++) {
          chunk.add(new Item(c, i, j));
          if (chunk.size() == CHUNK) {
            chunks.add(chunk);
            chunk = new ArrayList<>();
          }
        }
      }
    }
    if (!chunk.isEmpty()) {
      chunks.add(chunk);
    }
    Element vk = config.verificationKey(share.guardian());
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, chunks.size())), r -> {
      Thread t = new Thread(r, "mix-decryption-check");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Optional<String>>> futures = new ArrayList<>();
      for (List<Item> items : chunks) {
        futures.add(pool.submit(() -> {
          BatchVerifier<String> batch = new BatchVerifier<>(random);
          for (Item it : items) {
            MixList l = lists.get(it.contest());
            MixRow row = l.rows().get(it.row());
            MixDecryptionShare.Partial p = share.contests().get(it.contest()).rows().get(it.row()).get(it.column());
            batch.add(l.contestId() + " row " + it.row() + " ciphertext " + it.column(), p.proof(),
                new MixDecryptionProof.Statement(config.extendedHash(), config.jointKey().element(),
                    share.guardian(), vk, l.contestId(), it.row(), it.column(), row.ciphertexts().get(it.column()),
                    p.partial()));
          }
          List<BatchVerifier.Failure<String>> failures = batch.verify();
          return failures.isEmpty() ? Optional.<String>empty()
              : Optional.of(failures.get(0).label() + ": " + failures.get(0).reason());
        }));
      }
      for (Future<Optional<String>> f : futures) {
        Optional<String> r = f.get();
        if (r.isPresent()) {
          return r;
        }
      }
      v22.checked(chunks.stream().mapToLong(List::size).sum());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("verification interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("proof checking failed unexpectedly", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
