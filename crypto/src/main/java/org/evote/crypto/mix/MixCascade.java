package org.evote.crypto.mix;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.evote.crypto.ceremony.GuardianKey;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.proof.ProofCheck;

/**
 * The cascade's rules (protocol §13.5), their one home: mix p's input lists are the cast ballots' rows (p = 1) or
 * mix p − 1's output lists; the mixes are at positions 1, 2, … m without gaps; each is made and signed by a
 * distinct guardian ℓ ≤ n (a guardian mixes at most once); a complete cascade has mixes by at least k guardians.
 * Only lists with N ≥ 1 rows are shuffled. Also makes one mix ({@link #mix}).
 */
public final class MixCascade {
  private MixCascade() {}

  /** The outcome of checking a cascade. */
  public sealed interface Check permits Holds, Fails {}

  /** Every rule and proof holds; {@code finalLists} are the last mix's output (the input where N = 0). */
  public record Holds(List<MixList> finalLists, SortedSet<Integer> mixers, long proofs) implements Check {
    public Holds {
      finalLists = List.copyOf(finalLists);
      mixers = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(mixers));
    }
  }

  /** The first rule or proof that fails: {@code object} names the mix and list, {@code reason} says why. */
  public record Fails(String object, String reason, long proofs) implements Check {}

  /**
   * Checks {@code mixes} (in position order) against the cast ballots' lists {@code input} (manifest order). With
   * {@code complete}, at least k distinct guardians must have mixed (the cascade a tally decrypts); without, any
   * prefix of a cascade is checked (before the next guardian mixes).
   */
  public static Check check(ElectionConfig config, List<MixList> input, List<MixFile> mixes, boolean complete,
      SecureRandom random, int threads) {
    Cursor cursor = new Cursor(config, input, random, threads);
    for (MixFile m : mixes) {
      java.util.Optional<Fails> f = cursor.next(m);
      if (f.isPresent()) {
        return f.get();
      }
    }
    return cursor.finish(complete);
  }

  /**
   * The cascade checked one mix at a time, so only the current lists and the mix being checked are in memory: each
   * {@link #next} checks the mix at the next position against the current lists and makes its output current.
   * After a failure the cursor refuses further mixes.
   */
  public static final class Cursor {
    private final ElectionConfig config;
    private final SecureRandom random;
    private final int threads;
    private final SortedSet<Integer> mixers = new TreeSet<>();
    private List<MixList> current;
    private long proofs;
    private Fails failed;
    private Generators.ShuffleGenerators generators;

    public Cursor(ElectionConfig config, List<MixList> input, SecureRandom random, int threads) {
      this.config = config;
      this.current = List.copyOf(input);
      this.random = random;
      this.threads = threads;
    }

    /** The number of mixes accepted so far (the next mix's position is one more). */
    public int mixes() {
      return mixers.size();
    }

    /** The guardians who mixed so far. */
    public SortedSet<Integer> mixers() {
      return java.util.Collections.unmodifiableSortedSet(mixers);
    }

    /** Checks {@code m} as the mix at the next position; empty if it holds (its output is then current). */
    public java.util.Optional<Fails> next(MixFile m) {
      if (failed == null) {
        failed = check(m);
      }
      return java.util.Optional.ofNullable(failed);
    }

    /** The outcome after the last mix; with {@code complete}, fewer than k mixers fail. */
    public Check finish(boolean complete) {
      if (failed != null) {
        return failed;
      }
      if (complete && mixers.isEmpty()) {
        return new Fails("mix cascade", "the election has mixed contests but there is no mix", 0);
      }
      if (complete && mixers.size() < config.quorum()) {
        return new Fails("mix cascade", "only " + mixers.size() + " guardians mixed " + mixers + "; at least "
            + config.quorum() + " (the quorum) must", proofs);
      }
      return new Holds(current, mixers, proofs);
    }

    private Fails check(MixFile m) {
      int position = mixers.size() + 1;
      String object = "mix " + position;
      if (m.position() != position) {
        return new Fails(object, "has position " + m.position() + "; the cascade's positions are 1, 2, … "
            + "without gaps", proofs);
      }
      object = "mix " + m.position() + " (guardian " + m.mixer() + ")";
      if (m.mixer() > config.guardianCount()) {
        return new Fails(object, "there are only " + config.guardianCount() + " guardians", proofs);
      }
      if (mixers.contains(m.mixer())) {
        return new Fails(object, "guardian " + m.mixer() + " already mixed; each guardian mixes at most once",
            proofs);
      }
      proofs++;
      if (!m.signatureHolds(config.extendedHash(), config.verificationKey(m.mixer()))) {
        return new Fails(object, "its signature does not hold under guardian " + m.mixer()
            + "'s verification key", proofs);
      }
      List<MixList> toShuffle = current.stream().filter(l -> l.size() > 0).toList();
      if (m.shuffles().size() != toShuffle.size()) {
        return new Fails(object, "shuffles " + m.shuffles().size() + " lists; " + toShuffle.size()
            + " non-empty mixed lists are to be shuffled", proofs);
      }
      List<MixList> next = new ArrayList<>();
      int s = 0;
      for (MixList in : current) {
        if (in.size() == 0) {
          next.add(in);
          continue;
        }
        MixFile.Shuffle sh = m.shuffles().get(s++);
        String list = object + ", list " + in.contestId();
        if (!sh.contestId().equals(in.contestId())) {
          return new Fails(object, "list " + s + " is of " + sh.contestId() + "; " + in.contestId()
              + " is expected (manifest order)", proofs);
        }
        if (!sh.inputHash().equals(in.hash(config.extendedHash()))) {
          return new Fails(list, position == 1 ? "its input is not the cast ballots' rows"
              : "its input is not mix " + (position - 1) + "'s output", proofs);
        }
        if (sh.output().size() != in.size() || sh.output().get(0).width() != in.rows().get(0).width()) {
          return new Fails(list, "maps " + in.size() + " rows of width " + in.rows().get(0).width() + " to "
              + sh.output().size() + " rows of width " + sh.output().get(0).width(), proofs);
        }
        proofs++;
        ShuffleStatement st = new ShuffleStatement(config.extendedHash(), config.jointKey(), in.contestId(),
            m.position(), m.mixer(), in.rows(), sh.output());
        if (generators == null) {
          generators = generators(config, current, threads);
        }
        if (ShuffleVerifier.verify(st, sh.proof(), random, threads, generators) instanceof ProofCheck.Invalid inv) {
          return new Fails(list, "its proof of shuffle does not hold: " + inv.reason(), proofs);
        }
        next.add(sh.outputList());
      }
      mixers.add(m.mixer());
      current = next;
      return null;
    }
  }

  /** The generators of §13.1 for the longest of {@code lists}: one set serves every list and every mix. */
  private static Generators.ShuffleGenerators generators(ElectionConfig config, List<MixList> lists, int threads) {
    int n = lists.stream().mapToInt(MixList::size).max().orElse(1);
    return Generators.forShuffle(config.extendedHash(), Math.max(1, n), threads);
  }

  /** The lists after {@code mix}: each non-empty list of {@code input} replaced by the mix's output for it. */
  public static List<MixList> outputs(List<MixList> input, MixFile mix) {
    java.util.Map<String, MixFile.Shuffle> by = new java.util.HashMap<>();
    mix.shuffles().forEach(s -> by.put(s.contestId(), s));
    List<MixList> out = new ArrayList<>();
    for (MixList in : input) {
      MixFile.Shuffle s = by.get(in.contestId());
      out.add(in.size() == 0 || s == null ? in : s.outputList());
    }
    return out;
  }

  /**
   * Guardian {@code key}'s mix at {@code position} of the lists {@code input} (the cast ballots' rows or the
   * previous mix's output, manifest order): each non-empty list re-encrypted, permuted and proven, then signed.
   * The shuffles' secrets are erased before this returns.
   */
  public static MixFile mix(ElectionConfig config, GuardianKey key, int position, List<MixList> input,
      SecureRandom random, int threads) {
    if (!key.verificationKey().equals(config.verificationKey(key.index()))) {
      throw new IllegalArgumentException("guardian " + key.index() + "'s key does not belong to this election");
    }
    Shuffler shuffler = new Shuffler(config.jointKey());
    Generators.ShuffleGenerators generators = generators(config, input, threads);
    List<MixFile.Shuffle> shuffles = new ArrayList<>();
    for (MixList in : input) {
      if (in.size() == 0) {
        continue;
      }
      Shuffler.Shuffled out = shuffler.shuffle(in.rows(), random, threads);
      try {
        ShuffleStatement st = new ShuffleStatement(config.extendedHash(), config.jointKey(), in.contestId(),
            position, key.index(), in.rows(), out.output());
        ShuffleProof proof = ShuffleProver.prove(st, out.witness(), random, threads, generators);
        shuffles.add(new MixFile.Shuffle(in.contestId(), in.hash(config.extendedHash()), out.output(), proof));
      } finally {
        out.witness().destroy();
      }
    }
    return MixFile.sign(config.extendedHash(), key, position, shuffles, random);
  }
}
