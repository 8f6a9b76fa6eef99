package org.evote.crypto.ballot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.evote.crypto.elgamal.Ciphertext;
import org.evote.crypto.group.Element;
import org.evote.crypto.manifest.Candidate;
import org.evote.crypto.manifest.ContestDescription;
import org.evote.crypto.manifest.Manifest;
import org.evote.crypto.manifest.SelectionDescription;
import org.evote.crypto.mix.MixRow;

/**
 * Which contests are mixed and how their rows are laid out (protocol §5.6, §13.2) — the one home of that rule. A
 * contest is mixed if it is ranked or has a write-in line. Its row on one ballot is: for a ranked contest the L
 * rank ciphertexts in rank order, then for each write-in line in selection order the {@link #WRITE_IN_POINTS}
 * ciphertexts of its name.
 */
public final class MixedContests {
  /** The number of points (and ciphertexts) that carry one write-in name (§5.6). */
  public static final int WRITE_IN_POINTS = 3;

  private MixedContests() {}

  /** True if {@code contest} is ranked or has a write-in line. */
  public static boolean isMixed(Manifest manifest, ContestDescription contest) {
    return contest.isRanked() || !writeInLines(manifest, contest).isEmpty();
  }

  /** The mixed contests of the manifest, in manifest order. */
  public static List<ContestDescription> mixed(Manifest manifest) {
    return manifest.contests().stream().filter(c -> isMixed(manifest, c)).toList();
  }

  /** The contest's write-in lines (selections whose candidate is a write-in), in selection order. */
  public static List<SelectionDescription> writeInLines(Manifest manifest, ContestDescription contest) {
    return contest.selections().stream().filter(s -> isWriteIn(manifest, s)).toList();
  }

  /** True if the selection's candidate is a write-in line. */
  public static boolean isWriteIn(Manifest manifest, SelectionDescription selection) {
    return manifest.candidate(selection.candidateId()).map(Candidate::writeIn).orElse(false);
  }

  /** The number of rank ciphertexts of the contest: L if ranked, else 0. */
  public static int ranks(ContestDescription contest) {
    return contest.isRanked() ? contest.votesAllowed() : 0;
  }

  /** The width w of the contest's rows. */
  public static int width(Manifest manifest, ContestDescription contest) {
    return ranks(contest) + WRITE_IN_POINTS * writeInLines(manifest, contest).size();
  }

  /**
   * The row of one encrypted (cast) contest: its rank ciphertexts, then each write-in line's name ciphertexts. The
   * contest must be well formed for the manifest (verified, V8).
   */
  public static MixRow row(Manifest manifest, EncryptedContest contest) {
    List<Ciphertext> cts = new ArrayList<>();
    for (EncryptedRank r : contest.ranks()) {
      cts.add(r.ciphertext());
    }
    for (EncryptedWriteIn w : contest.writeIns()) {
      cts.addAll(w.ciphertexts());
    }
    ContestDescription desc = manifest.contest(contest.contestId()).orElseThrow(
        () -> new IllegalArgumentException("contest " + contest.contestId() + " is not in the manifest"));
    if (cts.size() != width(manifest, desc)) {
      throw new IllegalArgumentException("contest " + contest.contestId() + " has " + cts.size()
          + " mixed ciphertexts, its rows have " + width(manifest, desc));
    }
    return new MixRow(cts);
  }

  /**
   * Reads a row's decrypted plaintexts (the points M_j = B_j − Σ w_ℓ·M_ℓ,j, §13.5) back into a ranking and names.
   * A rank that is not m·G for m in 0 … n throws IllegalArgumentException (V22 reports it); a name that is no
   * valid name is {@link DecodedRow.Unreadable}, never thrown.
   */
  public static DecodedRow decode(Manifest manifest, ContestDescription contest, List<Element> plaintexts) {
    List<SelectionDescription> lines = writeInLines(manifest, contest);
    int ranks = ranks(contest);
    if (plaintexts.size() != ranks + WRITE_IN_POINTS * lines.size()) {
      throw new IllegalArgumentException("contest " + contest.id() + ": a row has " + width(manifest, contest)
          + " plaintexts, got " + plaintexts.size());
    }
    List<Integer> ranking = new ArrayList<>(ranks);
    if (ranks > 0) {
      int n = contest.selections().size();
      Map<Element, Integer> table = new LinkedHashMap<>();
      table.put(Element.IDENTITY, 0);
      Element m = Element.IDENTITY;
      for (int j = 1; j <= n; j++) {
        m = m.add(Element.G);
        table.put(m, j);
      }
      for (int i = 0; i < ranks; i++) {
        Integer value = table.get(plaintexts.get(i));
        if (value == null) {
          throw new IllegalArgumentException("contest " + contest.id() + ": rank " + (i + 1)
              + " decrypts to no value in 0 … " + n);
        }
        ranking.add(value);
      }
    }
    Map<String, DecodedRow.WrittenName> names = new LinkedHashMap<>();
    for (int l = 0; l < lines.size(); l++) {
      int from = ranks + l * WRITE_IN_POINTS;
      names.put(lines.get(l).id(), NamePoints.decode(plaintexts.subList(from, from + WRITE_IN_POINTS)));
    }
    return new DecodedRow(new org.evote.crypto.count.Ranking(ranking), names);
  }
}
