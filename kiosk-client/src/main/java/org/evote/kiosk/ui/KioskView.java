package org.evote.kiosk.ui;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.evote.crypto.manifest.BallotStyle;
import org.evote.crypto.manifest.ContestDescription;
import org.evote.crypto.manifest.SelectionDescription;
import org.evote.kiosk.service.LocalReceipt;
import org.evote.kiosk.service.ReceiptDocument;
import org.evote.kiosk.session.InactivityTimer;
import org.evote.kiosk.session.Texts;
import org.evote.kiosk.session.VotingSession;

/**
 * The kiosk's screens, drawn from the voter flow's state: a header with the accessibility switches, the current
 * screen, the inactivity warning over it, and the poll workers' status line. Every control has accessible text and
 * is reachable from the keyboard; the screen is redrawn whenever the flow moves.
 */
public final class KioskView {
  private final KioskController controller;
  private final VotingSession session;
  private final BorderPane root = new BorderPane();
  private final StackPane center = new StackPane();
  private final VBox warning = new VBox();
  private final Label status = new Label();
  private final ToggleButton largeText = new ToggleButton();
  private final ToggleButton highContrast = new ToggleButton();
  private final Label electionTitle = new Label();
  private final Timeline ticker;
  private PollWorkerView pollWorker;
  private final ActivationView activation;
  private final PracticeBanner practice = new PracticeBanner();

  /** @param activation the poll worker's activation screen (locked behind the PIN for every ballot) */
  public KioskView(KioskController controller, org.evote.kiosk.pollworker.ActivationModel activation) {
    this.controller = controller;
    this.session = controller.session();
    this.activation = new ActivationView(activation, controller, this::redraw);
    root.getStylesheets().add(KioskView.class.getResource("kiosk.css").toExternalForm());
    root.getStylesheets().add(KioskView.class.getResource("pollworker.css").toExternalForm());
    root.setTop(new VBox(practice.node(), header()));
    root.setCenter(center);
    HBox bottom = new HBox(status);
    bottom.getStyleClass().add("status-line");
    status.setWrapText(true); // an alarm is read in full, never cut short
    HBox.setHgrow(status, Priority.ALWAYS);
    status.setMaxWidth(Double.MAX_VALUE);
    root.setBottom(bottom);
    warning.getStyleClass().add("overlay");
    warning.setAlignment(Pos.CENTER);
    warning.setVisible(false);
    session.screenProperty().addListener((o, a, b) -> redraw());
    session.contestIndexProperty().addListener((o, a, b) -> redraw());
    // Only deliberate input counts as activity (a pointer merely resting over a redrawn screen does not).
    root.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> controller.touch());
    root.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> controller.touch());
    root.addEventFilter(javafx.scene.input.TouchEvent.TOUCH_PRESSED, e -> controller.touch());
    root.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, e -> controller.touch());
    ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));
    ticker.setCycleCount(Timeline.INDEFINITE);
    ticker.play();
    redraw();
  }

  public BorderPane root() {
    return root;
  }

  /**
   * Puts the poll workers' screen over the kiosk's screens (shown by {@link PollWorkerView#show()}, e.g. on the
   * poll workers' key combination).
   */
  public void setPollWorker(PollWorkerView view) {
    this.pollWorker = view;
    redraw();
  }

  /** Stops the once-a-second timer (when the kiosk shuts down). */
  public void dispose() {
    ticker.stop();
    activation.dispose();
  }

  /** Whether the activation screen is checking a PIN. */
  public boolean activationChecking() {
    return activation.isChecking();
  }

  /** The PRACTICE banner over every screen, shown when the board says it is a practice board. */
  public PracticeBanner practice() {
    return practice;
  }

  private Node header() {
    electionTitle.getStyleClass().add("subtitle");
    electionTitle.setText(controller.electionName());
    largeText.setId("large-text");
    highContrast.setId("high-contrast");
    largeText.selectedProperty().addListener((o, a, on) -> style("large-text", on));
    highContrast.selectedProperty().addListener((o, a, on) -> style("high-contrast", on));
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox h = new HBox(electionTitle, spacer, largeText, highContrast);
    h.setAlignment(Pos.CENTER_LEFT);
    h.getStyleClass().add("header");
    return h;
  }

  private void style(String cls, boolean on) {
    if (on) {
      root.getStyleClass().add(cls);
    } else {
      root.getStyleClass().remove(cls);
    }
  }

  /** Redraws the current screen in the voter's language. */
  public void redraw() {
    // the poll workers' language on their activation screen, the voter's on every other
    Texts t = session.screen() == org.evote.kiosk.session.Screen.ACTIVATION ? activation.texts() : session.texts();
    largeText.setText(t.get("a11y.largeText"));
    largeText.setAccessibleText(t.get("a11y.largeText"));
    highContrast.setText(t.get("a11y.highContrast"));
    highContrast.setAccessibleText(t.get("a11y.highContrast"));
    Node screen = switch (session.screen()) {
      case ACTIVATION -> activation.node();
      case LANGUAGE -> language(t);
      case CONTEST -> contest(t);
      case REVIEW -> review(t);
      case ENCRYPTING, SUBMITTING -> working(t);
      case DECIDE -> decide(t);
      case RECEIPT -> controller.lastReceipt() == null ? working(t) : receipt(t);
      case CHALLENGED -> controller.lastReceipt() == null ? working(t) : challenged(t);
    };
    practice.redraw(t);
    center.getChildren().setAll(screen, warning);
    if (pollWorker != null) {
      center.getChildren().add(pollWorker.root());
    }
    updateStatus(t);
    Node first = screen.lookup(".primary");
    javafx.application.Platform.runLater(() -> (first != null ? first : screen).requestFocus());
  }

  private VBox page(String title) {
    Label l = new Label(title);
    l.getStyleClass().add("title");
    l.setWrapText(true);
    l.setMinHeight(Region.USE_PREF_SIZE);
    l.setAccessibleRole(AccessibleRole.TEXT);
    VBox box = new VBox(l);
    box.getStyleClass().add("content");
    box.setId("screen-" + session.screen().name().toLowerCase());
    return box;
  }

  private static Label text(String s) {
    Label l = new Label(s);
    l.setWrapText(true);
    l.setMinHeight(Region.USE_PREF_SIZE);
    return l;
  }

  private static Button button(String label, String id, Runnable action) {
    Button b = new Button(label);
    b.setId(id);
    b.setAccessibleText(label);
    b.setWrapText(true);
    b.setOnAction(e -> action.run());
    return b;
  }

  private Node language(Texts t) {
    VBox p = page(t.get("language.title"));
    for (String lang : session.languages()) {
      Button b = button(Texts.languageName(lang), "lang-" + lang, () -> session.chooseLanguage(lang));
      b.getStyleClass().add("primary");
      p.getChildren().add(b);
    }
    return p;
  }

  private Node contest(Texts t) {
    ContestDescription c = session.currentContest();
    VBox p = page(session.contestTitle(c));
    Label sub = text(session.contestSubtitle(c));
    sub.getStyleClass().add("subtitle");
    Label counter = text(t.get("contest.counter", session.contestIndexProperty().get() + 1, session.contests()
        .size()));
    Label notice = text("");
    notice.setId("notice");
    notice.getStyleClass().add("notice");
    notice.textProperty().bind(session.noticeProperty());
    notice.setAccessibleRole(AccessibleRole.TEXT);
    Label count = text("");
    count.setId("selected-count");
    VBox list = new VBox(10);
    for (SelectionDescription s : c.selections()) {
      String party = session.partyName(c, s.id());
      String name = session.selectionName(c, s.id()) + (party.isEmpty() ? "" : " — " + party);
      ToggleButton b = new ToggleButton(name);
      b.setId("choice-" + s.id());
      b.getStyleClass().add("choice");
      b.setWrapText(true);
      b.setAccessibleText(name);
      b.setSelected(session.isChosen(c.id(), s.id()));
      b.setOnAction(e -> {
        session.toggle(s.id());
        b.setSelected(session.isChosen(c.id(), s.id()));
        count.setText(t.get("contest.selected", session.chosen(c.id()).size(), c.votesAllowed()));
      });
      list.getChildren().add(b);
    }
    count.setText(t.get("contest.selected", session.chosen(c.id()).size(), c.votesAllowed()));
    ScrollPane scroll = new ScrollPane(list);
    scroll.setFitToWidth(true);
    scroll.setId("choices");
    VBox.setVgrow(scroll, Priority.ALWAYS);
    Button back = button(t.get("contest.back"), "back", session::back);
    Button next = button(t.get("contest.next"), "next", session::next);
    next.getStyleClass().add("primary");
    HBox nav = new HBox(20, back, next);
    p.getChildren().addAll(counter, sub, count, notice, scroll, nav);
    return p;
  }

  private Node review(Texts t) {
    VBox p = page(t.get("review.title"));
    p.getChildren().add(text(t.get("review.help")));
    VBox lines = new VBox(16);
    for (VotingSession.ReviewLine line : session.review()) {
      VBox one = new VBox(6);
      Label title = text(session.contestTitle(line.contest()));
      title.getStyleClass().add("subtitle");
      one.getChildren().add(title);
      if (line.chosenNames().isEmpty()) {
        Label none = text(t.get("review.none"));
        none.getStyleClass().add("undervote");
        one.getChildren().add(none);
      } else {
        for (String n : line.chosenNames()) {
          one.getChildren().add(text("✔ " + n));
        }
        if (line.undervote()) {
          Label under = text(t.get("review.undervote", line.remaining()));
          under.getStyleClass().add("undervote");
          one.getChildren().add(under);
        }
      }
      one.getChildren().add(button(t.get("review.change") + ": " + session.contestTitle(line.contest()),
          "change-" + line.contest().id(), () -> session.edit(line.contest().id())));
      lines.getChildren().add(one);
    }
    ScrollPane scroll = new ScrollPane(lines);
    scroll.setFitToWidth(true);
    VBox.setVgrow(scroll, Priority.ALWAYS);
    Button encrypt = button(t.get("review.encrypt"), "encrypt", controller::encrypt);
    encrypt.getStyleClass().add("primary");
    encrypt.setDefaultButton(true);
    p.getChildren().addAll(scroll, encrypt);
    return p;
  }

  private Node working(Texts t) {
    VBox p = page(t.get("encrypting.title"));
    ProgressIndicator pi = new ProgressIndicator();
    pi.setAccessibleText(t.get("encrypting.title"));
    p.getChildren().add(pi);
    return p;
  }

  private Node decide(Texts t) {
    VBox p = page(t.get("decide.title"));
    Label codeLabel = text(t.get("decide.code"));
    Label code = text(controller.trackingCode());
    code.setId("tracking-code");
    code.getStyleClass().add("tracking-code");
    code.setAccessibleText(t.get("decide.code") + " " + controller.trackingCode());
    Button cast = button(t.get("decide.cast"), "cast", controller::cast);
    cast.getStyleClass().add("primary");
    cast.setDefaultButton(true);
    Button challenge = button(t.get("decide.challenge"), "challenge", controller::challenge);
    p.getChildren().addAll(codeLabel, code, text(t.get("decide.help")), cast, challenge);
    return p;
  }

  private Node receiptBox(Texts t, LocalReceipt r) {
    VBox box = new VBox(8);
    for (String line : ReceiptDocument.screenLines(t, controller.receiptElectionName(), r,
        java.time.ZoneId.systemDefault())) {
      box.getChildren().add(text(line));
    }
    ImageView qr = new ImageView(SwingFXUtils.toFXImage(ReceiptDocument.qrCode(r, 240), null));
    qr.setAccessibleText(r.lookupUrl().toString());
    box.getChildren().add(qr);
    if (!controller.printStatus().isEmpty()) {
      box.getChildren().add(text(controller.printStatus()));
    }
    return box;
  }

  private Node receipt(Texts t) {
    LocalReceipt r = controller.lastReceipt();
    VBox p = page(t.get("receipt.title"));
    p.setId("screen-receipt");
    Label state = text(r.refusal().isPresent() ? t.get("receipt.refused",
        org.evote.kiosk.pollworker.RefusalWords.of(t, r.refusal().get()))
        : r.uploadPending() ? t.get("receipt.pending") : t.get("receipt.onBoard", r.boardSequence().orElse(-1L)));
    state.setId("upload-state");
    Button done = button(t.get("receipt.done"), "done", controller::endVoter);
    done.getStyleClass().add("primary");
    p.getChildren().addAll(text(t.get("receipt.help")), state, receiptBox(t, r), done);
    return scroll(p);
  }

  private Node challenged(Texts t) {
    LocalReceipt r = controller.lastReceipt();
    VBox p = page(t.get("challenged.title"));
    Button again = button(t.get("challenged.again"), "vote-again", session::voteAgain);
    again.getStyleClass().add("primary");
    p.getChildren().addAll(text(t.get("challenged.help", r.trackingCode())), receiptBox(t, r), again);
    return scroll(p);
  }

  private static Node scroll(VBox p) {
    ScrollPane s = new ScrollPane(p);
    s.setFitToWidth(true);
    return s;
  }

  private void tick() {
    InactivityTimer.State s = controller.tick();
    Texts t = session.texts();
    if (s instanceof InactivityTimer.State.Warning w) {
      Label title = text(t.get("timeout.title"));
      title.getStyleClass().add("title");
      Button keep = button(t.get("timeout.continue"), "continue", controller::touch);
      keep.getStyleClass().add("primary");
      VBox box = new VBox(title, text(t.get("timeout.help", w.secondsLeft())), keep);
      box.getStyleClass().add("warning-box");
      box.setId("timeout-warning");
      warning.getChildren().setAll(box);
      if (!warning.isVisible()) {
        warning.setVisible(true);
        keep.requestFocus();
      }
    } else if (warning.isVisible()) {
      warning.setVisible(false);
      warning.getChildren().clear();
    }
    updateStatus(t);
  }

  private void updateStatus(Texts t) {
    var u = controller.uploadStatus();
    String line = t.get("status.queue", u.pending()) + "   " + (u.boardReachable() ? t.get("status.online")
        : t.get("status.offline"));
    if (u.alarm().isPresent() != status.getStyleClass().contains("alarm")) {
      if (u.alarm().isPresent()) {
        status.getStyleClass().add("alarm");
      } else {
        status.getStyleClass().remove("alarm");
      }
    }
    if (u.refused() > 0) {
      line += "   " + t.get("status.refused_count", u.refused());
    }
    if (u.alarm().isPresent()) {
      line += "   " + AlarmLine.of(t, u.alarm().get());
    } else if (!u.lastProblem().isEmpty()) {
      line += "   " + t.get("status.problem", u.lastProblem());
    }
    status.setText(line);
    status.setId("status");
  }

}
