package org.evote.board.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.evote.crypto.note.SignedNote;
import org.evote.crypto.record.BoardFile;
import org.evote.crypto.record.RecordFiles;
import org.evote.crypto.testing.DeterministicRandom;
import org.evote.crypto.testing.TestElection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The board's part of the record downloaded as a matching pair, against a scripted board on a random loopback port
 * whose checkpoint first lags behind its export and is then cosigned by too few witnesses (the real board's
 * {@code GET /checkpoint} is tested in ballot-server).
 */
class BoardDownloadTest {
  private static TestElection election;
  private static byte[] export;
  private HttpServer server;
  /** The checkpoints the board answers with, one per request; the last one is repeated. */
  private final Deque<SignedNote> checkpoints = new ArrayDeque<>();
  @TempDir
  Path temp;

  @BeforeAll
  static void closedBoard() throws Exception {
    election = TestElection.full(TestElection.manifest("manifest-small.json"), 3, 2, 2,
        new DeterministicRandom("board download"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BoardFile.write(out, election.board.entries(), election.board.heads());
    export = out.toByteArray();
  }

  private BoardClient serve() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(ApiPaths.EXPORT, ex -> {
      ex.sendResponseHeaders(200, export.length);
      ex.getResponseBody().write(export);
      ex.close();
    });
    server.createContext(ApiPaths.CHECKPOINT, ex -> {
      SignedNote n;
      synchronized (checkpoints) {
        n = checkpoints.size() > 1 ? checkpoints.pollFirst() : checkpoints.peekFirst();
      }
      byte[] b = n.bytes();
      ex.sendResponseHeaders(200, b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    server.start();
    return BoardClient.create(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void waitsUntilTheCheckpointCoversTheExportAndTheQuorumCosignedIt() throws Exception {
    long size = election.board.entries().size();
    checkpoints.add(election.polling.checkpoint(size - 1, election.witnesses));
    checkpoints.add(election.polling.checkpoint(size, election.witnesses.subList(0, 1)));
    SignedNote cosigned = election.checkpoint();
    checkpoints.add(cosigned);
    Path dir = temp.resolve("record");
    BoardDownload.Downloaded d = new BoardDownload(serve(), Duration.ofSeconds(10), Duration.ofMillis(10))
        .into(dir, Optional.of(election.notice().witnessPolicy()));
    assertEquals(size, d.entries());
    assertEquals(cosigned, SignedNote.parse(Files.readAllBytes(dir.resolve(RecordFiles.CHECKPOINT))));
    assertTrue(java.util.Arrays.equals(export, Files.readAllBytes(dir.resolve(RecordFiles.BOARD))));
    try (var files = Files.list(dir)) {
      assertEquals(List.of(RecordFiles.BOARD, RecordFiles.CHECKPOINT), files.map(p -> p.getFileName().toString())
          .sorted().toList());
    }
  }

  @Test
  void withoutAPolicyTheFirstMatchingCheckpointIsTaken() throws Exception {
    checkpoints.add(election.polling.checkpoint(List.of()));
    BoardDownload.Downloaded d = new BoardDownload(serve(), Duration.ofSeconds(10), Duration.ofMillis(10))
        .into(temp, Optional.empty());
    assertEquals(1, d.note().signatures().size());
  }

  @Test
  void aCheckpointThatNeverMatchesGivesUpAndWritesNothing() throws Exception {
    checkpoints.add(election.polling.checkpoint(election.board.entries().size() - 1, election.witnesses));
    Path dir = temp.resolve("record");
    BoardDownload.MismatchException e = assertThrows(BoardDownload.MismatchException.class,
        () -> new BoardDownload(serve(), Duration.ofMillis(300), Duration.ofMillis(50)).into(dir, Optional.empty()));
    assertTrue(e.getMessage().contains("the checkpoint covers " + (election.board.entries().size() - 1)
        + " entries, the export has " + election.board.entries().size()), e.getMessage());
    try (var files = Files.list(dir)) {
      assertFalse(files.findAny().isPresent());
    }
  }
}
