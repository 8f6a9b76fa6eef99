package org.evote.crypto.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.ballot.MixedContests;
import org.evote.crypto.manifest.BallotStyle;
import org.evote.crypto.manifest.ContestDescription;
import org.evote.crypto.manifest.Manifest;

/** {@link BallotJson#checkSize}: a ballot's array lengths bounded by the manifest before any point is decoded. */
final class BallotSizes {
  private BallotSizes() {}

  /** The bounds of one contest: exact for a known style's contest, upper bounds otherwise. */
  private record Bounds(boolean exact, String contestId, boolean ranked, boolean any, int selections, int ranks,
      int lines, int contestBranches, int rankBranches) {}

  static void check(JsonObject ballot, Manifest manifest, String path) {
    if (!(ballot.get("contests") instanceof JsonArray contests)) {
      return;
    }
    String style = ballot.get("style_id") instanceof JsonString id ? id.getString() : null;
    boolean known = style != null && manifest.style(style).isPresent();
    List<ContestDescription> expected = known ? manifest.contestsFor(style) : List.of();
    Bounds loose = known ? null : loose(manifest);
    int maxContests = 0;
    for (BallotStyle s : manifest.ballotStyles()) {
      maxContests = Math.max(maxContests, manifest.contestsFor(s.id()).size());
    }
    if (known ? contests.size() != expected.size() : contests.size() > maxContests) {
      throw new InvalidFieldException(path + ".contests", known
          ? "style " + style + " has " + expected.size() + " contests, the ballot has " + contests.size()
          : "the ballot has " + contests.size() + " contests, more than any style of the manifest (" + maxContests
              + ")");
    }
    for (int c = 0; c < contests.size(); c++) {
      if (contests.get(c) instanceof JsonObject contest) {
        Bounds b = known ? exact(manifest, expected.get(c)) : loose;
        checkContest(contest, b, path + ".contests[" + c + "]");
      }
    }
  }

  private static Bounds exact(Manifest manifest, ContestDescription d) {
    int n = d.selections().size();
    return new Bounds(true, d.id(), d.isRanked(), false, d.isRanked() ? 0 : n, MixedContests.ranks(d),
        MixedContests.writeInLines(manifest, d).size(), d.votesAllowed() + 1, n + 1);
  }

  private static Bounds loose(Manifest manifest) {
    int sels = 0;
    int ranks = 0;
    int lines = 0;
    for (ContestDescription d : manifest.contests()) {
      sels = Math.max(sels, d.selections().size());
      ranks = Math.max(ranks, MixedContests.ranks(d));
      lines = Math.max(lines, MixedContests.writeInLines(manifest, d).size());
    }
    return new Bounds(false, "", false, true, sels, ranks, lines, sels + 1, sels + 1);
  }

  private static void checkContest(JsonObject contest, Bounds b, String path) {
    String what = b.exact() ? "contest " + b.contestId() + " has " : "no contest of the manifest has more than ";
    boolean ranked = b.ranked() || b.any();
    boolean plain = !b.ranked() || b.any();
    if (contest.get("selections") instanceof JsonArray sels) {
      if (!plain) {
        throw new InvalidFieldException(path + ".selections", "contest " + b.contestId()
            + " is ranked: it has ranks, not selections");
      }
      fits(sels, b.selections(), b.exact(), path + ".selections", what + b.selections() + " selections");
      for (int s = 0; s < sels.size(); s++) {
        if (sels.get(s) instanceof JsonObject sel) {
          branches(sel.get("proof"), 2, path + ".selections[" + s + "].proof");
        }
      }
    }
    if (plain) {
      branches(contest.get("proof"), b.contestBranches(), path + ".proof");
    }
    if (contest.get("ranks") instanceof JsonArray ranks) {
      if (!ranked) {
        throw new InvalidFieldException(path + ".ranks", "contest " + b.contestId() + " is not ranked");
      }
      fits(ranks, b.ranks(), b.exact(), path + ".ranks", what + b.ranks() + " ranks");
      for (int r = 0; r < ranks.size(); r++) {
        if (ranks.get(r) instanceof JsonObject rank) {
          branches(rank.get("proof"), b.rankBranches(), path + ".ranks[" + r + "].proof");
        }
      }
    }
    if (contest.get("write_ins") instanceof JsonArray lines) {
      fits(lines, b.lines(), b.exact(), path + ".write_ins", what + b.lines() + " write-in lines");
      for (int l = 0; l < lines.size(); l++) {
        if (lines.get(l) instanceof JsonObject line) {
          for (String member : List.of("ciphertexts", "proofs")) {
            if (line.get(member) instanceof JsonArray a) {
              fits(a, MixedContests.WRITE_IN_POINTS, true, path + ".write_ins[" + l + "]." + member,
                  "a write-in line has " + MixedContests.WRITE_IN_POINTS + " " + member);
            }
          }
        }
      }
    }
  }

  private static void fits(JsonArray a, int bound, boolean exact, String path, String rule) {
    if (exact ? a.size() != bound : a.size() > bound) {
      throw new InvalidFieldException(path, rule + ", the ballot has " + a.size());
    }
  }

  private static void branches(JsonValue proof, int max, String path) {
    if (proof instanceof JsonObject p && p.get("branches") instanceof JsonArray a && a.size() > max) {
      throw new InvalidFieldException(path + ".branches", "a range proof here has at most " + max
          + " branches, this one " + a.size());
    }
  }
}
