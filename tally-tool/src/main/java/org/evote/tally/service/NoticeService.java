package org.evote.tally.service;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.evote.board.client.BoardClient;
import org.evote.board.client.BoardElection;
import org.evote.board.client.BoardException;
import org.evote.board.client.BoardPage;
import org.evote.crypto.InvalidFieldException;
import org.evote.crypto.board.BoardEntry;
import org.evote.crypto.board.SignedHead;
import org.evote.crypto.json.BoardJson;
import org.evote.crypto.json.ElectionJson;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.notice.ElectionNotice;
import org.evote.crypto.notice.NoticeBuilder;
import org.evote.crypto.notice.NoticeJson;
import org.evote.crypto.record.BoardFile;
import org.evote.crypto.verify.RecordVerifier;
import org.evote.crypto.verify.VerificationReport;

/**
 * Makes the election notice (docs/protocol.md §10.3) from a board: its entries are read — from the board's public
 * API up to its latest signed head, or from an exported board file — and verified (V1–V13 with the signed heads)
 * before the keys of entry 0 and the registered kiosks are taken from them; then the witnesses and their quorum
 * are added and the notice is written without replacing any file.
 */
public final class NoticeService {
  /** The largest page the board's API serves. */
  private static final int PAGE = 1000;
  private final SecureRandom random;

  public NoticeService(SecureRandom random) {
    this.random = random;
  }

  /** A notice and what the board looked like when it was made. */
  public record Made(ElectionNotice notice, boolean pollsOpened, long entries) {}

  /** The notice could not be made: the board does not verify, or it cannot be read. */
  public static final class NoticeException extends Exception {
    private static final long serialVersionUID = 1L;

    public NoticeException(String message) {
      super(message);
    }
  }

  /** From the board at {@code client}: the election, then every entry up to the latest signed head. */
  public Made fromServer(BoardClient client, List<ElectionNotice.Witness> witnesses, int quorum)
      throws NoticeException, BoardException, InterruptedException {
    BoardElection election = client.election();
    Optional<SignedHead> head = client.head();
    if (head.isEmpty()) {
      throw new NoticeException("the board has signed no head yet");
    }
    List<BoardEntry> entries = new ArrayList<>();
    while (entries.size() < head.get().size()) {
      BoardPage page = client.entries(entries.size(), (int) Math.min(PAGE, head.get().size() - entries.size()));
      if (page.entries().isEmpty()) {
        throw new NoticeException("the board served no entry from " + entries.size() + " although its head covers "
            + head.get().size());
      }
      for (BoardEntry e : page.entries()) {
        if (entries.size() < head.get().size()) {
          entries.add(e);
        }
      }
    }
    RecordVerifier.BoardSource source = new RecordVerifier.BoardSource() {
      @Override
      public void forEachEntry(Consumer<JsonObject> consumer) {
        entries.forEach(e -> consumer.accept(BoardJson.encode(e)));
      }

      @Override
      public List<JsonObject> heads() {
        return List.of(BoardJson.encode(head.get()));
      }
    };
    Made made = verifyAndBuild(ElectionJson.encode(election.config()), source, witnesses, quorum);
    if (!made.notice().boardKey().equals(election.boardPublicKey())) {
      throw new NoticeException("the board key served at /api/election is not the one of entry 0");
    }
    if (!made.notice().checkpointKey().equals(election.checkpointKey())) {
      throw new NoticeException("the checkpoint key served at /api/election is not the one of entry 0");
    }
    return made;
  }

  /** From an exported board file of the election {@code electionJson}. */
  public Made fromBoardFile(JsonObject electionJson, Path board, List<ElectionNotice.Witness> witnesses, int quorum)
      throws NoticeException {
    return verifyAndBuild(electionJson, BoardFile.open(board), witnesses, quorum);
  }

  private Made verifyAndBuild(JsonObject electionJson, RecordVerifier.BoardSource board,
      List<ElectionNotice.Witness> witnesses, int quorum) throws NoticeException {
    NoticeBuilder builder = new NoticeBuilder();
    long[] count = {0};
    RecordVerifier.BoardSource tapped = new RecordVerifier.BoardSource() {
      @Override
      public void forEachEntry(Consumer<JsonObject> consumer) throws IOException {
        board.forEachEntry(json -> {
          consumer.accept(json);
          count[0]++;
          try {
            builder.accept(BoardJson.decodeEntry(org.evote.crypto.json.Fields.of(json)));
          } catch (InvalidFieldException e) {
            // the verifier fails this entry; the notice is then not made
          }
        });
      }

      @Override
      public List<JsonObject> heads() {
        return board.heads();
      }
    };
    VerificationReport report = new RecordVerifier(random, Runtime.getRuntime().availableProcessors(), n -> { })
        .verifyBoard(electionJson, tapped).report();
    if (!report.isValid()) {
      throw new NoticeException("the board does not verify; no notice was made:\n" + report.render());
    }
    if (builder.pollsClosed()) {
      throw new NoticeException("the polls are closed: a notice is made before the polls open");
    }
    try {
      return new Made(builder.notice(witnesses, quorum), builder.pollsOpened(), count[0]);
    } catch (InvalidFieldException e) {
      throw new NoticeException("the notice cannot be made: " + e.getMessage());
    }
  }

  /**
   * Writes {@code notice} to {@code file}, never replacing a file: it is written aside, synced, then linked into
   * place, which fails if {@code file} exists.
   */
  public static void write(ElectionNotice notice, Path file) throws IOException {
    Path target = file.toAbsolutePath();
    if (Files.exists(target)) {
      throw new FileAlreadyExistsException(file.toString(), null, "refusing to replace an existing notice");
    }
    Files.createDirectories(target.getParent());
    Path partial = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
    try {
      try (var ch = java.nio.channels.FileChannel.open(partial, java.nio.file.StandardOpenOption.WRITE)) {
        ch.write(java.nio.ByteBuffer.wrap(JsonText.pretty(NoticeJson.encode(notice))
            .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        ch.force(true);
      }
      Files.createLink(target, partial);
    } finally {
      Files.deleteIfExists(partial);
    }
  }
}
