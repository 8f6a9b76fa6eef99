package org.evote.launcher.election;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.evote.board.client.AdminEntry;
import org.evote.board.client.BoardAdmin;
import org.evote.board.client.BoardClient;
import org.evote.board.client.BoardDownload;
import org.evote.board.client.BoardException;
import org.evote.crypto.board.EntryPayload;
import org.evote.crypto.election.ElectionConfig;
import org.evote.crypto.json.JsonText;
import org.evote.crypto.keystore.AdminCredentials;
import org.evote.crypto.keystore.EncryptedKeyFile;
import org.evote.crypto.keystore.KioskCredentials;
import org.evote.crypto.note.VerifierKey;
import org.evote.crypto.note.WitnessPolicy;
import org.evote.server.BoardHost;
import org.evote.server.board.BoardSetup;
import org.evote.server.board.TamperedBoardException;
import org.evote.server.store.DataDir;

/**
 * The ballot server run inside this process on its embedded SQLite board: the same board, checks and HTTP API as
 * {@code ballot-server serve}, reached by the kiosks over loopback, submitting its checkpoints to the witnesses it is
 * given ({@link #witnessedBy}, as {@code serve --witness}). Administration (polls, export) goes through the HTTP API
 * (board-client) with the administrator credential, as an official's would; the board's part of the record is
 * downloaded as {@code tally fetch} does ({@link BoardDownload}).
 */
public final class LocalBoard implements AutoCloseable {
  private final DataDir data;
  private final ElectionConfig config;
  private final char[] passphrase;
  private final SecureRandom random;
  /** The limit on each administrator request and on the export's answer. */
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
  private BoardHost served;
  private BoardClient client;
  private long maxDatabaseBytes;
  private BoardHost.Witnesses witnesses = BoardHost.Witnesses.NONE;

  private LocalBoard(DataDir data, char[] passphrase, SecureRandom random) throws IOException {
    this.data = data;
    this.config = data.election();
    this.passphrase = passphrase.clone();
    this.random = random;
  }

  /** Creates a board for {@code electionFile} in {@code dataDir} (which must not exist yet), sealed by the passphrase. */
  public static LocalBoard create(Path dataDir, Path electionFile, char[] passphrase, SecureRandom random)
      throws IOException {
    return create(dataDir, electionFile, passphrase, random, false);
  }

  /**
   * As above; with {@code practice}, a practice board ({@code server init --practice}): it says so in its status,
   * and kiosks and the observer page show PRACTICE on every screen.
   */
  public static LocalBoard create(Path dataDir, Path electionFile, char[] passphrase, SecureRandom random,
      boolean practice) throws IOException {
    DataDir data = new DataDir(dataDir);
    // The demo's one operator holds both: the board key and the administrator credential share its passphrase.
    BoardSetup.init(data, JsonText.readObject(electionFile), BoardSetup.DEFAULT_BOARD_NAME,
        org.evote.crypto.keystore.TlsIdentity.selfSigned(BoardSetup.DEFAULT_TLS_NAMES, random,
            Clock.systemUTC().instant()), passphrase.clone(), passphrase.clone(), random, Clock.systemUTC(),
        practice);
    return new LocalBoard(data, passphrase, random);
  }

  /** Serves the board on {@code host:port} (port 0: any free port), after re-checking the whole board. */
  public void start(String host, int port) throws IOException, TamperedBoardException {
    if (served != null) {
      throw new IllegalStateException("the board is already serving");
    }
    try {
      served = BoardHost.start(data, passphrase::clone, host, port, maxDatabaseBytes, witnesses, random);
    } catch (EncryptedKeyFile.WrongPassphraseException e) {
      throw new IOException("the board key did not open: " + e.getMessage(), e);
    }
  }

  /** From the next {@link #start}, caps the database at about this size (0: no cap), like {@code --max-database-mb}. */
  public void limitDatabase(long maxBytes) {
    this.maxDatabaseBytes = maxBytes;
  }

  /**
   * From the next {@link #start}, submits every checkpoint to these witnesses, as {@code serve --witness URL=VKEY
   * --witness-quorum K}.
   */
  public void witnessedBy(BoardHost.Witnesses witnesses) {
    this.witnesses = java.util.Objects.requireNonNull(witnesses, "witnesses");
  }

  /** The board's checkpoint key (its verifier key, what {@code server init} prints), from its data directory. */
  public VerifierKey checkpointKey() throws IOException {
    return data.checkpointVerifierKey();
  }

  /** The board's base URL. */
  public URI uri() {
    if (served == null) {
      throw new IllegalStateException("the board is not serving");
    }
    return served.loopbackUri();
  }

  public int port() {
    return uri().getPort();
  }

  public ElectionConfig config() {
    return config;
  }

  public DataDir data() {
    return data;
  }

  /** Makes a kiosk key pair and posts its public key (what {@code ballot-server kiosk add} does). */
  public KioskCredentials registerKiosk(String kioskId) throws Exception {
    KioskCredentials credentials = KioskCredentials.generate(kioskId, config.extendedHash(),
        served.board().boardPublicKey(), served.board().checkpointKey(), data.tlsFingerprint(), random);
    served.board().registerKiosk(kioskId, credentials.key().publicKey()).get();
    return credentials;
  }

  /** A client of the board while it serves (its address changes when it is started again). */
  public BoardClient client() {
    if (client == null) {
      client = BoardClient.create(uri(), REQUEST_TIMEOUT);
    }
    return client;
  }

  /** The administrator actions, with the board's first administrator credential (sealed under the passphrase). */
  public BoardAdmin admin() throws IOException {
    try {
      return client().admin(AdminCredentials.read(data.adminCredentialsFile(), passphrase.clone()), random);
    } catch (EncryptedKeyFile.WrongPassphraseException e) {
      throw new IOException("the administrator credential did not open: " + e.getMessage(), e);
    }
  }

  /** {@code POST /api/admin/polls/open}. */
  public AdminEntry openPolls() throws IOException, InterruptedException {
    return refusedAsIo(admin()::openPolls, "opening the polls");
  }

  /** {@code POST /api/admin/polls/close}. */
  public AdminEntry closePolls() throws IOException, InterruptedException {
    return refusedAsIo(admin()::closePolls, "closing the polls");
  }

  /** {@code POST /api/admin/tally}. */
  public AdminEntry publishTally(EntryPayload.TallyPublished tally) throws IOException, InterruptedException {
    BoardAdmin admin = admin();
    return refusedAsIo(() -> admin.publishTally(tally), "publishing the tally");
  }

  /** Downloads the whole board ({@code GET /api/board/export}) to a file. */
  public Path export(Path file) throws IOException, InterruptedException {
    BoardClient c = client();
    return refusedAsIo(() -> c.export(file), "the board export");
  }

  /**
   * Downloads the board file and the board's checkpoint of exactly those entries into {@code dir} ({@code board.json},
   * {@code checkpoint.txt}), as {@code tally fetch} does; with {@code policy} (an election notice's), waits until the
   * checkpoint is cosigned by its quorum of witnesses, for at most {@code patience}.
   */
  public BoardDownload.Downloaded download(Path dir, Optional<WitnessPolicy> policy, Duration patience)
      throws IOException, InterruptedException {
    BoardDownload download = new BoardDownload(client(), patience, Duration.ofMillis(200));
    try {
      return download.into(dir, policy);
    } catch (BoardException e) {
      throw new IOException("downloading the board failed: " + e.getMessage(), e);
    } catch (BoardDownload.MismatchException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  private interface Call<T> {
    T run() throws BoardException, InterruptedException, IOException;
  }

  private static <T> T refusedAsIo(Call<T> call, String what) throws IOException, InterruptedException {
    try {
      return call.run();
    } catch (BoardException e) {
      throw new IOException(what + " failed: " + e.getMessage(), e);
    }
  }

  /** Stops serving and closes the database; {@link #start} serves it again. */
  public void stop() {
    client = null;
    if (served != null) {
      served.close();
      served = null;
    }
  }

  @Override
  public void close() {
    stop();
    Arrays.fill(passphrase, '\0');
  }
}
