package org.evote.kiosk.ui;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.evote.crypto.manifest.BallotStyle;
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
  private org.evote.kiosk.audio.AudioHook audio;
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
    session.pendingDecisionProperty().addListener((o, a, b) -> redraw());
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

  /** The audio mode (org.evote.kiosk.audio): its keys, its privacy overlay and the poll workers' switch. */
  public void setAudio(org.evote.kiosk.audio.AudioNavigator navigator) {
    this.audio = new org.evote.kiosk.audio.AudioHook(navigator, root);
    activation.setExtra(audio::toggle);
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
    electionTitle.setId("election-title");
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
      case CONTEST -> ContestView.of(session, t);
      case WRITE_IN -> WriteInView.of(session, t);
      case REVIEW -> ReviewView.of(session, controller, t);
      case ENCRYPTING, SUBMITTING -> working(t);
      case DECIDE -> DecideView.of(session, controller, t);
      case RECEIPT -> controller.lastReceipt() == null ? working(t) : ReceiptView.cast(session, controller, t);
      case CHALLENGED -> controller.lastReceipt() == null ? working(t)
          : ReceiptView.challenged(session, controller, t);
    };
    practice.redraw(t);
    center.getChildren().setAll(screen, warning);
    if (pollWorker != null) {
      center.getChildren().add(pollWorker.root());
    }
    if (audio != null) {
      center.getChildren().add(audio.blank());
    }
    electionTitle.setText(session.electionName());
    updateStatus(t);
    Node first = Ui.firstFocus(screen);
    first = first != null ? first : screen.lookup(".primary");
    Node focus = first != null ? first : screen;
    javafx.application.Platform.runLater(() -> Ui.focusWhenShown(focus));
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
    // asked in every language the ballot offers: the voter may not read the kiosk's first one
    VBox p = page(String.join(" / ", session.languages().stream().map(l -> new Texts(l).get("language.title"))
        .distinct().toList()));
    p.getChildren().get(0).setId("language-title");
    for (String lang : session.languages()) {
      Button b = button(Texts.languageName(lang), "lang-" + lang, () -> session.chooseLanguage(lang));
      b.getStyleClass().add("primary");
      p.getChildren().add(b);
    }
    return p;
  }

  private Node working(Texts t) {
    String what = t.get(session.screen() == org.evote.kiosk.session.Screen.SUBMITTING ? "submitting.title"
        : "encrypting.title");
    VBox p = page(what);
    ProgressIndicator pi = new ProgressIndicator();
    pi.setAccessibleText(what);
    p.getChildren().add(pi);
    return p;
  }

  private static Node scroll(VBox p) {
    ScrollPane s = new ScrollPane(p);
    s.setFitToWidth(true);
    return s;
  }

  private void tick() {
    InactivityTimer.State s = controller.tick();
    if (audio != null) {
      audio.tick(s);
    }
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
