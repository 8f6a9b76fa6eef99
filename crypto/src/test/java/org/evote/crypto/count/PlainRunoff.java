package org.evote.crypto.count;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A deliberately plain second reading of protocol §13.6 (Maine's rules), written from the text and not from
 * {@link InstantRunoff}: candidates are names, ballots are lists of names (null = blank rank), each rule is checked
 * the way the statute words it, and the lot's SHA-256 is computed byte by byte from §2's item encoding.
 */
final class PlainRunoff {
  record Round(Map<String, Long> totals, long exhausted, long bySkips, String outcome, List<String> defeated,
      List<String> tied, String lotLoser) {}

  record Result(List<Round> rounds, String winner) {}

  private PlainRunoff() {}

  static Result count(List<String> candidates, List<List<String>> ballots, byte[] seed) {
    Set<String> continuing = new LinkedHashSet<>(candidates);
    List<Round> rounds = new ArrayList<>();
    for (int round = 1; ; round++) {
      Map<String, Long> totals = new LinkedHashMap<>();
      for (String c : continuing) {
        totals.put(c, 0L);
      }
      long exhausted = 0;
      long bySkips = 0;
      for (List<String> b : ballots) {
        // The highest continuing ranking: the first rank that names a continuing candidate.
        int highest = -1;
        for (int i = 0; i < b.size(); i++) {
          if (b.get(i) != null && continuing.contains(b.get(i))) {
            highest = i;
            break;
          }
        }
        if (highest < 0) {
          exhausted++;
          continue;
        }
        // 2 or more sequential skipped (blank) rankings before it?
        boolean twoSkips = false;
        for (int i = 0; i + 1 < highest; i++) {
          if (b.get(i) == null && b.get(i + 1) == null) {
            twoSkips = true;
          }
        }
        if (twoSkips) {
          exhausted++;
          bySkips++;
          continue;
        }
        totals.put(b.get(highest), totals.get(b.get(highest)) + 1);
      }
      long sum = totals.values().stream().mapToLong(Long::longValue).sum();
      long most = totals.values().stream().mapToLong(Long::longValue).max().orElse(0);
      long least = totals.values().stream().mapToLong(Long::longValue).min().orElse(0);
      if (sum == 0) {
        rounds.add(new Round(totals, exhausted, bySkips, "no_votes", List.of(), List.of(), null));
        return new Result(rounds, null);
      }
      if (continuing.size() <= 2) {
        List<String> top = withVotes(totals, most);
        if (top.size() == 1) {
          rounds.add(new Round(totals, exhausted, bySkips, "final_round", List.of(), List.of(), null));
          return new Result(rounds, top.get(0));
        }
        String loser = lot(seed, round, top);
        String winner = top.get(0).equals(loser) ? top.get(1) : top.get(0);
        rounds.add(new Round(totals, exhausted, bySkips, "final_round", List.of(), top, loser));
        return new Result(rounds, winner);
      }
      if (round == 1 && most * 2 > sum) {
        rounds.add(new Round(totals, exhausted, bySkips, "majority", List.of(), List.of(), null));
        return new Result(rounds, withVotes(totals, most).get(0));
      }
      // Batch elimination: for each possible cut (a vote total u), the candidates with at most u votes are all
      // mathematically impossible if together they have fewer votes than the lowest total above u. Take the
      // largest such group that leaves 2 or more continuing.
      List<String> batch = List.of();
      for (long u : totals.values()) {
        List<String> group = new ArrayList<>();
        long together = 0;
        long above = Long.MAX_VALUE;
        for (Map.Entry<String, Long> e : totals.entrySet()) {
          if (e.getValue() <= u) {
            group.add(e.getKey());
            together += e.getValue();
          } else {
            above = Math.min(above, e.getValue());
          }
        }
        boolean impossible = above != Long.MAX_VALUE && together < above;
        if (impossible && continuing.size() - group.size() >= 2 && group.size() > batch.size()) {
          batch = group;
        }
      }
      if (batch.size() >= 2) {
        rounds.add(new Round(totals, exhausted, bySkips, "batch_elimination", batch, List.of(), null));
        continuing.removeAll(batch);
        continue;
      }
      List<String> last = withVotes(totals, least);
      if (last.size() == 1) {
        rounds.add(new Round(totals, exhausted, bySkips, "last_place", last, List.of(), null));
        continuing.remove(last.get(0));
      } else {
        String loser = lot(seed, round, last);
        rounds.add(new Round(totals, exhausted, bySkips, "last_place", List.of(loser), last, loser));
        continuing.remove(loser);
      }
    }
  }

  private static List<String> withVotes(Map<String, Long> totals, long v) {
    List<String> out = new ArrayList<>();
    totals.forEach((c, n) -> {
      if (n == v) {
        out.add(c);
      }
    });
    return out;
  }

  /** The tied candidate with the smallest ticket H(COUNT_LOT; DIGEST seed, INTEGER round, STRING id). */
  static String lot(byte[] seed, int round, List<String> tied) {
    String loser = null;
    BigInteger smallest = null;
    for (String id : tied) {
      BigInteger t = new BigInteger(1, sha256(item(0, "evote/2/count/lot".getBytes(StandardCharsets.US_ASCII)),
          item(5, seed), item(2, ByteBuffer.allocate(8).putLong(round).array()),
          item(1, id.getBytes(StandardCharsets.UTF_8))));
      if (smallest == null || t.compareTo(smallest) < 0) {
        smallest = t;
        loser = id;
      }
    }
    return loser;
  }

  static byte[] item(int type, byte[] content) {
    return ByteBuffer.allocate(5 + content.length).put((byte) type).putInt(content.length).put(content).array();
  }

  static byte[] sha256(byte[]... items) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (byte[] i : items) {
        md.update(i);
      }
      return md.digest();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
