package org.evote.server;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.evote.crypto.board.Ed25519;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.keystore.EncryptedKeyFile;
import org.evote.crypto.keystore.TlsFingerprint;
import org.evote.crypto.keystore.TlsIdentity;
import org.evote.crypto.note.Ed25519NoteSigner;
import org.evote.server.board.BoardLoader;
import org.evote.server.board.BoardService;
import org.evote.server.board.Checkpoints;
import org.evote.server.store.CheckpointFile;
import org.evote.server.store.CosignatureStore;
import org.evote.server.witness.StartupWitnessCheck;
import org.evote.crypto.notice.ElectionNotice.Witness;
import org.evote.server.witness.WitnessClient;
import org.evote.server.witness.WitnessSubmitter;
import org.evote.server.board.SubmissionChecker;
import org.evote.server.board.TamperedBoardException;
import org.evote.server.http.BulletinBoardApp;
import org.evote.server.http.HttpLimits;
import org.evote.server.http.TlsConnector;
import org.evote.server.store.BoardStore;
import org.evote.server.http.AdminTimeMark;
import org.evote.server.store.DataDir;

/**
 * A board served over HTTP from its data directory: the one start-up of {@code ballot-server serve}, the launcher's
 * in-process board and the tests. {@link #start} takes the data directory's lock (no other process may write the
 * database meanwhile), opens the board with its full start-up check ({@link BoardLoader}), builds the submission
 * check and starts the HTTP API; a start that fails at any step leaves nothing open and the lock released.
 * {@link #close} stops all of it.
 */
public final class BoardHost implements AutoCloseable {
  /** Where the board key's passphrase comes from; asked for only once the lock is held. */
  @FunctionalInterface
  public interface Passphrase {
    /** A fresh array, which the host wipes once the key is open. */
    char[] read() throws IOException;
  }

  private final DataDir.Lock lock;
  private final BoardService board;
  private final Javalin app;
  private final WitnessSubmitter submitter;
  private final SubmissionChecker checker;
  private final Optional<TlsFingerprint> tls;
  private boolean closed;

  private BoardHost(DataDir.Lock lock, BoardService board, Javalin app, WitnessSubmitter submitter,
      SubmissionChecker checker, Optional<TlsFingerprint> tls) {
    this.lock = lock;
    this.board = board;
    this.app = app;
    this.submitter = submitter;
    this.checker = checker;
    this.tls = tls;
  }

  /**
   * How the board is served (docs/api.md, "Transport"): HTTPS with the TLS identity from its data directory, or
   * plain HTTP — only on a loopback address ({@code serve --plain-http}: the demo, the tests).
   */
  public enum Transport { HTTPS, PLAIN_HTTP }

  /**
   * The witnesses a board submits its checkpoints to and how many must cosign (0 to their number), with the TLS
   * certificate fingerprints pinned for some of them, by witness name ({@code serve --witness-tls NAME=FINGERPRINT}).
   */
  public record Witnesses(List<Witness> witnesses, int quorum, Duration timeout, Map<String, TlsFingerprint> tls) {
    public static final Witnesses NONE = new Witnesses(List.of(), 0, Duration.ofSeconds(10));

    /** Witnesses with no pinned certificate (plain HTTP). */
    public Witnesses(List<Witness> witnesses, int quorum, Duration timeout) {
      this(witnesses, quorum, timeout, Map.of());
    }

    /**
     * The witnesses, one cosignature key each, as in the election notice (a second key or key name of one witness
     * is refused, as {@code ElectionNotice} refuses it); {@code quorum} is counted in witnesses (key names) by the
     * one rule of {@link org.evote.crypto.note.WitnessPolicy}.
     */
    public Witnesses {
      witnesses = List.copyOf(witnesses);
      java.util.Set<String> names = new java.util.HashSet<>();
      for (Witness w : witnesses) {
        if (!names.add(w.key().name())) {
          throw new IllegalArgumentException("the witness " + w.key().name() + " is listed twice: give each "
              + "witness once, with one of its keys");
        }
      }
      if (quorum < 0 || quorum > names.size()) {
        throw new IllegalArgumentException("the witness quorum is between 0 and the number of witnesses ("
            + names.size() + ")");
      }
      tls = Map.copyOf(tls);
      for (String name : tls.keySet()) {
        if (!names.contains(name)) {
          throw new IllegalArgumentException("a TLS fingerprint is given for " + name + ", which is not one of the "
              + "witnesses " + names);
        }
      }
    }

    /** The pinned certificate of {@code witness}, if one is given. */
    public Optional<TlsFingerprint> tlsOf(Witness witness) {
      return Optional.ofNullable(tls.get(witness.key().name()));
    }

    /** The default quorum: every witness (the number of distinct witness names). */
    public static int allOf(List<Witness> witnesses) {
      return (int) witnesses.stream().map(w -> w.key().name()).distinct().count();
    }
  }

  /**
   * Serves the board in {@code data} on {@code host:port} (port 0: any free port). {@code maxDatabaseBytes} > 0 caps
   * the database's size as {@code --max-database-mb} does (0: no cap); {@code random} is the submission check's.
   */
  public static BoardHost start(DataDir data, Passphrase passphrase, String host, int port, long maxDatabaseBytes,
      SecureRandom random) throws IOException, EncryptedKeyFile.WrongPassphraseException, TamperedBoardException {
    return start(data, passphrase, host, port, maxDatabaseBytes, Witnesses.NONE, random);
  }

  /** Restarted within 2 s of its last administrator request, the board waits until its clock is past it. */
  private static void awaitPast(AdminTimeMark adminTime, BoardService board) throws IOException {
    try {
      adminTime.awaitPast(board.clock(), 2);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting", e);
    }
  }

  /**
   * As {@link #start(DataDir, Passphrase, String, int, long, SecureRandom)}, submitting every checkpoint to
   * {@code witnesses} in the background ({@link WitnessSubmitter}); each is asked at start what it has cosigned
   * (an unreachable one is logged, not fatal), and a board behind that refuses to start. Plain HTTP, on loopback.
   */
  public static BoardHost start(DataDir data, Passphrase passphrase, String host, int port, long maxDatabaseBytes,
      Witnesses witnesses, SecureRandom random)
      throws IOException, EncryptedKeyFile.WrongPassphraseException, TamperedBoardException {
    return start(data, passphrase, Transport.PLAIN_HTTP, host, port, maxDatabaseBytes, witnesses, random);
  }

  /**
   * As above, served over {@code transport}.
   *
   * @throws IllegalArgumentException for plain HTTP on an address other than loopback
   */
  public static BoardHost start(DataDir data, Passphrase passphrase, Transport transport, String host, int port,
      long maxDatabaseBytes, Witnesses witnesses, SecureRandom random)
      throws IOException, EncryptedKeyFile.WrongPassphraseException, TamperedBoardException {
    requireAllowed(transport, host);
    DataDir.Lock lock = data.lock();
    BoardService board = null;
    WitnessSubmitter submitter = null;
    SubmissionChecker checker = null;
    try {
      List<WitnessClient> clients = witnesses.witnesses().stream()
          .map(w -> new WitnessClient(w, witnesses.tlsOf(w), witnesses.timeout())).toList();
      List<OptionalLong> known = new ArrayList<>();
      char[] pass = passphrase.read();
      Optional<TlsIdentity> tls = Optional.empty();
      if (transport == Transport.HTTPS) {
        char[] copy = pass.clone();
        try {
          tls = Optional.of(data.tlsIdentity(copy));
        } catch (IOException | EncryptedKeyFile.WrongPassphraseException | RuntimeException e) {
          Arrays.fill(pass, '\0');
          throw e;
        } finally {
          Arrays.fill(copy, '\0');
        }
      }
      board = open(data, pass, maxDatabaseBytes, witnesses, clients, known);
      submitter = new WitnessSubmitter(board, clients, known);
      AdminTimeMark adminTime = AdminTimeMark.load(data.adminTimeFile());
      awaitPast(adminTime, board);
      checker = new SubmissionChecker(board.config(), random, board);
      boolean practice = data.isPractice();
      Javalin app = tls.isPresent()
          ? BulletinBoardApp.create(board, checker, HttpLimits.DEFAULT, adminTime,
              Optional.of(new TlsConnector(tls.get(), host, port)), practice).start()
          : BulletinBoardApp.create(board, checker, HttpLimits.DEFAULT, adminTime, Optional.empty(), practice)
              .start(host, port);
      return new BoardHost(lock, board, app, submitter, checker, tls.map(TlsIdentity::fingerprint));
    } catch (IOException | EncryptedKeyFile.WrongPassphraseException | TamperedBoardException | RuntimeException e) {
      if (checker != null) {
        checker.close();
      }
      if (submitter != null) {
        submitter.close();
      }
      if (board != null) {
        board.close();
      }
      release(lock);
      throw e;
    }
  }

  /**
   * Opens the board in {@code data} with its full start-up check, without serving it (the offline commands hold the
   * lock themselves). Wipes {@code passphrase}; {@code maxDatabaseBytes} > 0 caps the database's size.
   */
  public static BoardService open(DataDir data, char[] passphrase, long maxDatabaseBytes)
      throws IOException, EncryptedKeyFile.WrongPassphraseException, TamperedBoardException {
    return open(data, passphrase, maxDatabaseBytes, Witnesses.NONE, List.of(), new ArrayList<>());
  }

  private static BoardService open(DataDir data, char[] passphrase, long maxDatabaseBytes, Witnesses witnesses,
      List<WitnessClient> clients, List<OptionalLong> known)
      throws IOException, EncryptedKeyFile.WrongPassphraseException, TamperedBoardException {
    ElectionConfig config;
    Ed25519.PrivateKey key;
    Ed25519NoteSigner checkpointKey;
    try {
      config = data.election();
      key = data.boardKey(passphrase);
      checkpointKey = data.checkpointKey(passphrase);
    } finally {
      Arrays.fill(passphrase, '\0');
    }
    requireRecord(data.checkpointFile(), "the newest checkpoint the board signed");
    requireRecord(data.cosignatureDatabase(), "the witnesses' cosignatures the board collected");
    List<BoardLoader.VouchedCheckpoint> witnessed = StartupWitnessCheck.ask(clients, checkpointKey.verifierKey(),
        known);
    Checkpoints checkpoints = new Checkpoints(checkpointKey, new CheckpointFile(data.checkpointFile()),
        CosignatureStore.open(data.cosignatureDatabase()),
        witnesses.witnesses().stream().map(Witness::key).toList(), witnesses.quorum());
    BoardStore store = BoardStore.open(data.database());
    try {
      if (maxDatabaseBytes > 0) {
        store.limitSize(maxDatabaseBytes);
      }
      return BoardLoader.load(config, store, key, checkpoints, witnessed, Clock.systemUTC());
    } catch (TamperedBoardException | RuntimeException e) {
      store.close();
      checkpoints.close();
      throw e;
    }
  }

  /**
   * Refuses a board whose {@code file} is gone (protocol §9.8): {@code init} writes both the checkpoint file and the
   * cosignature database, and a board that lost one may have lost its tail with it; restoring an older copy of the
   * whole data directory keeps them, and is caught by the checks that follow.
   */
  private static void requireRecord(java.nio.file.Path file, String what) throws TamperedBoardException {
    if (!java.nio.file.Files.isRegularFile(file)) {
      throw new TamperedBoardException(0, file.getFileName() + " (" + what + ") is missing from the data directory "
          + file.toAbsolutePath().getParent() + ": init writes it and the board never deletes it, so a board without "
          + "it may have lost entries it vouched for; restore the data directory as a whole");
    }
  }

  /** The port the board listens on. */
  public int port() {
    return app.port();
  }

  /** The board's address over loopback ({@code https://} when it serves HTTPS). */
  public URI loopbackUri() {
    return URI.create((tls.isPresent() ? "https" : "http") + "://127.0.0.1:" + port());
  }

  /** The fingerprint of the TLS certificate the board presents; empty when it serves plain HTTP. */
  public Optional<TlsFingerprint> tlsFingerprint() {
    return tls;
  }

  /**
   * Refuses plain HTTP on any address but loopback: over a network the board speaks HTTPS only.
   *
   * @throws IllegalArgumentException naming the address
   */
  public static void requireAllowed(Transport transport, String host) {
    if (transport == Transport.PLAIN_HTTP && !org.evote.board.client.PinnedTls.isLoopback(host)) {
      throw new IllegalArgumentException("plain HTTP is served only on loopback (127.0.0.1, ::1 or localhost), "
          + "not on " + host + ": over a network the board speaks HTTPS (serve without --plain-http)");
    }
  }

  public BoardService board() {
    return board;
  }

  /** Stops serving, closes the database and releases the data directory (once; later calls do nothing). */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    app.stop();
    checker.close();
    submitter.close();
    board.close();
    release(lock);
  }

  private static void release(DataDir.Lock lock) {
    try {
      lock.close();
    } catch (IOException e) {
      // the lock goes with the file channel
    }
  }
}
