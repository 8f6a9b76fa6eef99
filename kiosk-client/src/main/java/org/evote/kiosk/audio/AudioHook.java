package org.evote.kiosk.audio;

import java.util.Map;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import org.evote.kiosk.session.InactivityTimer;
import org.evote.kiosk.session.Texts;

/**
 * Where the audio mode meets the kiosk's window (the only JavaFX scene code of the audio mode): the key filter on
 * the window's root that hands the audio keys to the {@link AudioNavigator} (and keeps them from the screen's
 * buttons while it is on), the black privacy overlay, and the poll workers' "audio ballot" switch.
 */
public final class AudioHook {
  private static final Map<KeyCode, AudioKey> KEYS = Map.ofEntries(
      Map.entry(KeyCode.UP, AudioKey.PREVIOUS), Map.entry(KeyCode.KP_UP, AudioKey.PREVIOUS),
      Map.entry(KeyCode.DOWN, AudioKey.NEXT), Map.entry(KeyCode.KP_DOWN, AudioKey.NEXT),
      Map.entry(KeyCode.RIGHT, AudioKey.SELECT), Map.entry(KeyCode.KP_RIGHT, AudioKey.SELECT),
      Map.entry(KeyCode.ENTER, AudioKey.SELECT),
      Map.entry(KeyCode.LEFT, AudioKey.BACK), Map.entry(KeyCode.KP_LEFT, AudioKey.BACK),
      Map.entry(KeyCode.BACK_SPACE, AudioKey.BACK),
      Map.entry(KeyCode.SPACE, AudioKey.REPEAT), Map.entry(KeyCode.R, AudioKey.REPEAT),
      Map.entry(KeyCode.H, AudioKey.HELP), Map.entry(KeyCode.F1, AudioKey.HELP),
      Map.entry(KeyCode.PLUS, AudioKey.FASTER), Map.entry(KeyCode.ADD, AudioKey.FASTER),
      Map.entry(KeyCode.MINUS, AudioKey.SLOWER), Map.entry(KeyCode.SUBTRACT, AudioKey.SLOWER),
      Map.entry(KeyCode.PAGE_UP, AudioKey.LOUDER), Map.entry(KeyCode.PAGE_DOWN, AudioKey.QUIETER),
      Map.entry(KeyCode.B, AudioKey.BLANK), Map.entry(KeyCode.F2, AudioKey.START));

  /** The audio keys that stay audio keys in a text field (the write-in name): Up, Down, Enter, volume. */
  private static final java.util.Set<KeyCode> IN_TEXT = java.util.EnumSet.of(KeyCode.UP, KeyCode.KP_UP,
      KeyCode.DOWN, KeyCode.KP_DOWN, KeyCode.ENTER, KeyCode.PAGE_UP, KeyCode.PAGE_DOWN);

  private final AudioNavigator navigator;
  private final Region blank = new Region();
  private final ToggleButton toggle = new ToggleButton();
  private final javafx.scene.layout.StackPane overlay = new javafx.scene.layout.StackPane();

  public AudioHook(AudioNavigator navigator, BorderPane root) {
    this.navigator = navigator;
    blank.setId("audio-blank");
    blank.setStyle("-fx-background-color: black;");
    blank.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
    blank.visibleProperty().bind(navigator.blankedProperty());
    navigator.blankedProperty().addListener((o, was, on) -> {
      // the header and the status line go dark too
      Optional.ofNullable(root.getTop()).ifPresent(n -> n.setVisible(!on));
      Optional.ofNullable(root.getBottom()).ifPresent(n -> n.setVisible(!on));
    });
    javafx.scene.control.Label unheard = new javafx.scene.control.Label();
    unheard.setId("audio-unheard");
    unheard.getStyleClass().addAll("notice", "alarm", "audio-unheard");
    unheard.setWrapText(true);
    unheard.setMouseTransparent(true);
    unheard.textProperty().bind(navigator.unheardProperty());
    unheard.visibleProperty().bind(navigator.unheardProperty().isNotEmpty());
    unheard.setAccessibleRole(javafx.scene.AccessibleRole.TEXT);
    javafx.scene.layout.StackPane.setAlignment(unheard, javafx.geometry.Pos.TOP_CENTER);
    overlay.getChildren().addAll(blank, unheard);
    overlay.setPickOnBounds(false);
    overlay.visibleProperty().bind(navigator.blankedProperty().or(navigator.unheardProperty().isNotEmpty()));
    toggle.setId("audio-ballot");
    toggle.selectedProperty().bindBidirectional(navigator.audioBallotProperty());
    root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
      Optional<AudioKey> key = key(e);
      if (key.isPresent() && navigator.handle(key.get())) {
        e.consume();
      }
    });
  }

  /**
   * The audio key of a key press; none for other keys, for keys with Ctrl, Alt or Meta, and for typing (in a text
   * field only the function keys — F1 help, F2 the audio switch — and Up, Down, Enter, Page Up and Page Down are the
   * audio mode's: letters, space and backspace type the name).
   */
  public static Optional<AudioKey> key(KeyEvent e) {
    if (e.isControlDown() || e.isAltDown() || e.isMetaDown() || e.isShortcutDown()
        || (e.getTarget() instanceof TextInputControl && !e.getCode().isFunctionKey() && !IN_TEXT.contains(e.getCode()))) {
      return Optional.empty();
    }
    if (e.getCode() == KeyCode.EQUALS && e.isShiftDown()) {
      return Optional.of(AudioKey.FASTER); // "+" on a US keyboard
    }
    return Optional.ofNullable(KEYS.get(e.getCode()));
  }

  /**
   * The privacy overlay, and over it the notice that the audio ballot cannot be heard: the view puts it over
   * everything it draws (it lets clicks through to the screen when not blanked).
   */
  public Node blank() {
    return overlay;
  }

  /** The poll workers' switch on the activation screen, in the kiosk's words. */
  public Node toggle(Texts t) {
    toggle.setText(t.get("audio.pollworker.toggle"));
    toggle.setAccessibleText(t.get("audio.pollworker.toggle"));
    return toggle;
  }

  /** The view's once-a-second tick. */
  public void tick(InactivityTimer.State state) {
    navigator.tick(state);
  }
}
