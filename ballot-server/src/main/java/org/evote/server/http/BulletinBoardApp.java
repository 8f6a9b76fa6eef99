package org.evote.server.http;

import io.javalin.Javalin;
import org.evote.server.board.BoardService;
import org.evote.server.board.SubmissionChecker;

/**
 * The bulletin board's HTTP interface (docs/api.md), assembled from its controllers: the observer page, the
 * election and status, the board and its proofs, receipts and challenged ballots, kiosk submissions, and the
 * administrator actions behind {@link AdminAuth}; {@link ErrorMapper} answers every refusal. Built unstarted by
 * {@link #create}, so tests run it on a random loopback port.
 */
public final class BulletinBoardApp {
  /** The largest request body accepted (a ballot of the county sample is about 90 kB). */
  public static final int MAX_BODY_BYTES = SubmissionChecker.MAX_BODY_BYTES;

  private BulletinBoardApp() {}

  /**
   * The application, configured but not started, with the board's {@link HttpLimits#DEFAULT limits}, for Javalin's
   * plain-HTTP listener ({@code start(host, port)}); {@code adminTime} keeps the latest administrator request time
   * across runs ({@code DataDir.adminTimeFile}).
   */
  public static Javalin create(BoardService board, SubmissionChecker checker, AdminTimeMark adminTime) {
    return create(board, checker, HttpLimits.DEFAULT, adminTime, java.util.Optional.empty());
  }

  /** The application with these limits on what each client may cost ({@link ServerLimits}), plain HTTP. */
  public static Javalin create(BoardService board, SubmissionChecker checker, HttpLimits limits,
      AdminTimeMark adminTime) {
    return create(board, checker, limits, adminTime, java.util.Optional.empty());
  }

  /**
   * The application with these limits; with {@code tls}, it listens on that HTTPS connector only (start it with
   * {@code start()}).
   */
  public static Javalin create(BoardService board, SubmissionChecker checker, HttpLimits limits,
      AdminTimeMark adminTime, java.util.Optional<TlsConnector> tls) {
    return create(board, checker, limits, adminTime, tls, false);
  }

  /**
   * As above; {@code practice}: a practice board ({@code init --practice}), which says {@code "practice": true} in
   * its status and election.
   */
  public static Javalin create(BoardService board, SubmissionChecker checker, HttpLimits limits,
      AdminTimeMark adminTime, java.util.Optional<TlsConnector> tls, boolean practice) {
    ObserverPage page = new ObserverPage(board.config().manifest());
    NamesController names = new NamesController(board.config().manifest());
    ElectionController election = new ElectionController(board, practice);
    CheckpointController checkpoint = new CheckpointController(board.checkpoints());
    BoardController entries = new BoardController(board.reads());
    ReceiptController receipts = new ReceiptController(board.reads());
    RefusedController refused = new RefusedController(board.reads());
    SubmissionController submissions = new SubmissionController(board, checker, limits.maxBodyBytes());
    AdminAuth auth = new AdminAuth(board.reads(), board.config().extendedHash(), board.clock(), adminTime);
    AdminController admin = new AdminController(board);
    return Javalin.create(config -> {
      config.http.maxRequestSize = limits.maxBodyBytes();
      config.http.defaultContentType = "application/json";
      config.startup.showJavalinBanner = false;
      ServerLimits.apply(config, limits);
      tls.ifPresent(t -> config.jetty.addConnector(t::create));
      config.routes.before(ctx -> {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; base-uri 'none'");
        ctx.header("Referrer-Policy", "no-referrer");
      });
      auth.guard(config.routes, AdminController.ALL);
      page.routes(config.routes);
      election.routes(config.routes);
      names.routes(config.routes);
      checkpoint.routes(config.routes);
      entries.routes(config.routes);
      receipts.routes(config.routes);
      refused.routes(config.routes);
      submissions.routes(config.routes);
      admin.routes(config.routes);
      ErrorMapper.register(config.routes, limits.maxBodyBytes());
    });
  }
}
