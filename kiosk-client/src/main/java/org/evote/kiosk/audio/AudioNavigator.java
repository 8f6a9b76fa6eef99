package org.evote.kiosk.audio;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.evote.kiosk.audio.AudioScreen.Line;
import org.evote.kiosk.service.Alarm;
import org.evote.kiosk.session.InactivityTimer;
import org.evote.kiosk.session.Screen;
import org.evote.kiosk.session.Texts;
import org.evote.kiosk.session.VotingSession;
import org.evote.kiosk.ui.AlarmLine;
import org.evote.kiosk.ui.KioskController;

/**
 * The audio mode's view model (free of JavaFX scenes): a blind voter goes through the whole flow with headphones
 * and a small key set ({@link AudioKey}) — every screen, contest, candidate, selection, the review, the
 * confirmation, the tracking code, the results and every notice are spoken in the voter's language, and every
 * action goes through {@link VotingSession} and {@link KioskController}. A poll worker starts it at activation
 * ({@link #audioBallotProperty()}), or the voter with {@link AudioKey#START}; the screen can be blanked for privacy
 * ({@link #blankedProperty()}, on when the audio mode starts), and the speech rate and volume are adjustable.
 */
public final class AudioNavigator implements AutoCloseable {
  /** Speech rates the voter steps through with + and -, words per minute. */
  public static final int DEFAULT_RATE = 175;
  public static final int RATE_STEP = 25;
  public static final int MIN_RATE = 100;
  public static final int MAX_RATE = 400;
  /** Volume levels 1..10 (10 % of the engine's amplitude each). */
  public static final int DEFAULT_VOLUME = 5;

  private final KioskController controller;
  private final VotingSession session;
  private final AudioScreens screens;
  private final Narrator narrator;
  private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(false);
  private final BooleanProperty blanked = new SimpleBooleanProperty(false);
  private final javafx.beans.property.ReadOnlyStringWrapper unheard = new javafx.beans.property.ReadOnlyStringWrapper(
      "");
  private final BooleanProperty audioBallot = new SimpleBooleanProperty(false);
  private AudioScreen screen = new AudioScreen(List.of(), List.of());
  private int index = -1;
  private Object shown;
  private boolean handling;
  private boolean warned;
  private Optional<Alarm> alarmSpoken = Optional.empty();
  private int rate = DEFAULT_RATE;
  private int volume = DEFAULT_VOLUME;
  private String voterLanguage = "en";

  public AudioNavigator(KioskController controller, Speech speech) {
    this.controller = Objects.requireNonNull(controller, "controller");
    this.session = controller.session();
    this.screens = new AudioScreens(controller);
    this.narrator = new Narrator(speech);
    session.screenProperty().addListener((o, before, now) -> screenChanged(before, now));
    session.contestIndexProperty().addListener((o, before, now) -> {
      if (!handling) {
        moved();
      }
    });
    // every change of a write-in name is spoken, whichever keyboard made it
    session.writeInProperty().addListener((o, before, now) -> now.ifPresent(entry -> entry.lastEditProperty()
        .addListener((x, a, edit) -> {
          if (active.get() && edit != null && session.writeIn().orElse(null) == entry) {
            say(screens.writeIn().edit(session.texts(), entry, edit));
          }
        })));
  }

  /** Whether the audio mode is on (a voter is voting by ear). */
  public ReadOnlyBooleanProperty activeProperty() {
    return active.getReadOnlyProperty();
  }

  public boolean active() {
    return active.get();
  }

  /** The screen is black (for privacy); the view draws the overlay. */
  public BooleanProperty blankedProperty() {
    return blanked;
  }

  /** The poll worker's switch on the activation screen: the next ballot activated is an audio ballot. */
  public BooleanProperty audioBallotProperty() {
    return audioBallot;
  }

  public int rate() {
    return rate;
  }

  public int volume() {
    return volume;
  }

  /** Whether nothing is being said (tests wait for it). */
  public boolean quiet() {
    return narrator.idle();
  }

  /** Starts the audio mode on the current voter screen (the screen is blanked; B shows it again). */
  public void start() {
    if (active.get() || session.screen() == Screen.ACTIVATION) {
      return;
    }
    active.set(true);
    blanked.set(true);
    Texts t = session.texts();
    announce(List.of(new Line(t.get("audio.start") + " " + t.get("audio.blanked"), session.language())));
  }

  /** A key pressed; true if the audio mode used it (and no screen control should). */
  public boolean handle(AudioKey key) {
    if (!active.get()) {
      if (key != AudioKey.START) {
        return false;
      }
      if (session.screen() == Screen.ACTIVATION) {
        audioBallot.set(!audioBallot.get());
        Texts t = session.texts();
        say(List.of(line(t.get(audioBallot.get() ? "audio.pollworker.on" : "audio.pollworker.off"))));
      } else {
        start();
      }
      return true;
    }
    handling = true;
    try {
      act(key);
    } finally {
      handling = false;
    }
    return true;
  }

  private void act(AudioKey key) {
    Texts t = session.texts();
    List<AudioScreen.Item> items = screen.items();
    switch (key) {
      case NEXT, PREVIOUS -> {
        if (items.isEmpty()) {
          say(screen.intro());
          return;
        }
        int to = index + (key == AudioKey.NEXT ? 1 : -1);
        String edge = to < 0 ? t.get("audio.top") : to >= items.size() ? t.get("audio.bottom") : "";
        index = Math.max(0, Math.min(items.size() - 1, to));
        say(edge.isEmpty() ? List.of(items.get(index).line()) : List.of(line(edge), items.get(index).line()));
      }
      case SELECT -> {
        if (index < 0 || index >= items.size()) {
          say(List.of(line(t.get(items.isEmpty() ? "audio.wait" : "audio.pressDown"))));
          return;
        }
        List<Line> feedback = items.get(index).action().run();
        if (!moved(feedback)) {
          screen = screens.current();
          say(feedback);
        }
      }
      case BACK -> back(t);
      case REPEAT, START -> {
        List<Line> all = new ArrayList<>(screen.intro());
        if (index >= 0 && index < items.size()) {
          all.add(items.get(index).line());
        }
        say(all);
      }
      case HELP -> say(List.of(line(t.get("audio.help"))));
      case FASTER, SLOWER -> {
        rate = Math.max(MIN_RATE, Math.min(MAX_RATE, rate + (key == AudioKey.FASTER ? RATE_STEP : -RATE_STEP)));
        say(List.of(line(t.get("audio.rate", rate))));
      }
      case LOUDER, QUIETER -> {
        volume = Math.max(1, Math.min(10, volume + (key == AudioKey.LOUDER ? 1 : -1)));
        say(List.of(line(t.get("audio.volume", volume))));
      }
      case BLANK -> {
        blanked.set(!blanked.get());
        say(List.of(line(t.get(blanked.get() ? "audio.blanked" : "audio.unblanked"))));
      }
      default -> throw new IllegalStateException("unhandled key " + key);
    }
  }

  private void back(Texts t) {
    switch (session.screen()) {
      case CONTEST -> session.back();
      case REVIEW -> session.edit(session.contests().get(session.contests().size() - 1).id());
      case DECIDE -> {
        if (session.pendingDecision().isPresent()) {
          session.cancelDecision();
        } else {
          say(List.of(line(t.get("audio.noBack"))));
        }
      }
      default -> say(List.of(line(t.get("audio.noBack"))));
    }
    moved();
  }

  /**
   * Empty while speech is heard; else, in the voter's language, why the audio ballot cannot be heard (no headphones
   * or sound output, or the speech engine failed) — the screen is shown again and a poll worker is called.
   */
  public javafx.beans.property.ReadOnlyStringProperty unheardProperty() {
    return unheard.getReadOnlyProperty();
  }

  /** Ticked by the view each second: the inactivity warning and the kiosk's alarms are spoken too. */
  public void tick(InactivityTimer.State state) {
    if (!active.get()) {
      unheard.set("");
      narrator.takeUnheard();
      return;
    }
    Texts t = session.texts();
    if (narrator.takeUnheard()) {
      // a voter who cannot hear must not sit in front of a black screen: show it, and call a poll worker
      blanked.set(false);
      unheard.set(t.get("audio.unheard"));
    }
    if (state instanceof InactivityTimer.State.Warning w && !warned) {
      warned = true;
      say(List.of(line(t.get("timeout.title") + " " + t.get("timeout.help", w.secondsLeft()) + " "
          + t.get("audio.timeout"))));
    } else if (state instanceof InactivityTimer.State.Active) {
      warned = false;
    }
    Optional<Alarm> alarm = controller.uploadStatus().alarm();
    if (alarm.isPresent() && !alarm.equals(alarmSpoken)) {
      say(List.of(line(AlarmLine.of(t, alarm.get()))));
    }
    alarmSpoken = alarm;
  }

  private void screenChanged(Screen before, Screen now) {
    if (now == Screen.ACTIVATION) {
      if (active.get()) {
        // the session forgot the voter's language already: the goodbye is in the language last spoken
        Texts t = new Texts(voterLanguage);
        say(List.of(new Line(t.get(before == Screen.RECEIPT ? "audio.ended" : "audio.cleared"), voterLanguage)));
        active.set(false);
        blanked.set(false);
        rate = DEFAULT_RATE; // the next voter starts from the defaults
        volume = DEFAULT_VOLUME;
      }
      screen = new AudioScreen(List.of(), List.of());
      shown = null;
      return;
    }
    if (before == Screen.ACTIVATION && audioBallot.get()) {
      audioBallot.set(false);
      start();
    } else if (!handling) {
      moved(); // the flow moved on by itself (encrypted, cast, challenged)
    }
  }

  /** Announces the screen if the flow moved since it was last announced; true if it did. */
  private boolean moved() {
    return moved(List.of());
  }

  /** As {@link #moved()}, saying {@code before} first (what the action that moved the flow did). */
  private boolean moved(List<Line> before) {
    if (!active.get()) {
      return false;
    }
    if (where().equals(shown)) {
      return false;
    }
    announce(before);
    return true;
  }

  private void announce(List<Line> before) {
    shown = where();
    voterLanguage = session.language();
    screen = screens.current();
    index = -1;
    List<Line> all = new ArrayList<>(before);
    all.addAll(screen.intro());
    say(all);
  }

  /** Where the flow is: the screen, the contest, the decision asked, whether the receipt is there. */
  private Object where() {
    return List.of(session.screen(), session.contestIndexProperty().get(), session.pendingDecision(),
        controller.lastReceipt() != null);
  }

  private Line line(String text) {
    return new Line(text, session.language());
  }

  private void say(List<Line> lines) {
    List<Utterance> out = new ArrayList<>();
    for (Line l : lines) {
      if (!l.text().isBlank()) {
        out.add(new Utterance(l.text(), l.language(), rate, volume * 10));
      }
    }
    if (!out.isEmpty()) {
      narrator.say(out);
    }
  }

  @Override
  public void close() {
    narrator.close();
  }
}
