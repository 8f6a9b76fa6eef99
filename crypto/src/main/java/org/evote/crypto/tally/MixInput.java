package org.evote.crypto.tally;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.evote.crypto.ballot.EncryptedBallot;
import org.evote.crypto.ballot.EncryptedContest;
import org.evote.crypto.ballot.MixedContests;
import org.evote.crypto.elgamal.Ciphertext;
import org.evote.crypto.group.Element;
import org.evote.crypto.manifest.ContestDescription;
import org.evote.crypto.manifest.Manifest;
import org.evote.crypto.mix.MixList;
import org.evote.crypto.mix.MixRow;

/**
 * The cascade's input (protocol §13.5): for each mixed contest, in manifest order, the rows
 * ({@link MixedContests#row}) of the cast ballots whose style has it, in board order. Fed one cast ballot at a time
 * during the pass over the board; the rows are kept as 65-byte uncompressed points (no curve objects), so the
 * 100,000-ballot board needs about 130 bytes per ciphertext, and each list is decoded only when it is asked for.
 * Not thread-safe: one thread feeds it, in board order.
 */
public final class MixInput {
  private static final int POINT = 65;
  private final Manifest manifest;
  private final Map<String, Buffer> lists = new LinkedHashMap<>();
  private String broken;

  public MixInput(Manifest manifest) {
    this.manifest = manifest;
    for (ContestDescription c : MixedContests.mixed(manifest)) {
      lists.put(c.id(), new Buffer(MixedContests.width(manifest, c)));
    }
  }

  /** True if the manifest has a mixed contest. */
  public boolean any() {
    return !lists.isEmpty();
  }

  /** Adds the rows of one cast ballot (call in board order). */
  public void add(EncryptedBallot ballot) {
    if (lists.isEmpty()) {
      return;
    }
    for (Map.Entry<String, Buffer> e : lists.entrySet()) {
      EncryptedContest contest = ballot.contest(e.getKey()).orElse(null);
      if (contest == null) {
        continue;
      }
      MixRow row;
      try {
        row = MixedContests.row(manifest, contest);
      } catch (IllegalArgumentException ex) {
        if (broken == null) {
          broken = "ballot " + ballot.ballotId() + " has no valid row in " + e.getKey() + ": " + ex.getMessage();
        }
        continue;
      }
      e.getValue().add(row);
    }
  }

  /** Why some cast ballot's row could not be taken (then the input is not the cast ballots' rows), or null. */
  public String broken() {
    return broken;
  }

  /** The mixed contests' ids, in manifest order. */
  public List<String> contestIds() {
    return List.copyOf(lists.keySet());
  }

  /** The input list of {@code contestId} (decoded now; the caller keeps it only as long as it needs it). */
  public MixList list(String contestId) {
    Buffer b = lists.get(contestId);
    if (b == null) {
      throw new IllegalArgumentException(contestId + " is not a mixed contest");
    }
    return new MixList(contestId, b.rows());
  }

  /** Every input list, in manifest order. */
  public List<MixList> lists() {
    List<MixList> out = new ArrayList<>();
    for (String id : lists.keySet()) {
      out.add(list(id));
    }
    return out;
  }

  /** N of {@code contestId}'s list. */
  public int size(String contestId) {
    return lists.get(contestId).rows;
  }

  private static final class Buffer {
    private final int width;
    private byte[] bytes = new byte[0];
    private int rows;

    Buffer(int width) {
      this.width = width;
    }

    void add(MixRow row) {
      if (row.width() != width) {
        throw new IllegalArgumentException("a row of width " + row.width() + " where " + width + " is expected");
      }
      int rowBytes = width * 2 * POINT;
      long need = (long) (rows + 1) * rowBytes;
      if (need > Integer.MAX_VALUE - 16) {
        throw new IllegalStateException("a mixed list of more than " + rows + " rows does not fit");
      }
      if (need > bytes.length) {
        bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(need, 2L * bytes.length)));
      }
      int at = rows * rowBytes;
      for (Ciphertext c : row.ciphertexts()) {
        System.arraycopy(c.alpha().toUncompressedBytes(), 0, bytes, at, POINT);
        System.arraycopy(c.beta().toUncompressedBytes(), 0, bytes, at + POINT, POINT);
        at += 2 * POINT;
      }
      rows++;
    }

    List<MixRow> rows() {
      List<MixRow> out = new ArrayList<>(rows);
      int at = 0;
      for (int i = 0; i < rows; i++) {
        List<Ciphertext> cts = new ArrayList<>(width);
        for (int j = 0; j < width; j++) {
          cts.add(new Ciphertext(point(at), point(at + POINT)));
          at += 2 * POINT;
        }
        out.add(new MixRow(cts));
      }
      return out;
    }

    private Element point(int at) {
      return Element.fromUncompressed(Arrays.copyOfRange(bytes, at, at + POINT), "mix input");
    }
  }
}
