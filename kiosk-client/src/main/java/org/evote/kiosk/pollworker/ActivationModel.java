package org.evote.kiosk.pollworker;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.evote.kiosk.session.Texts;
import org.evote.kiosk.session.VotingSession;

/**
 * The poll worker's activation screen, without JavaFX scenes: every ballot needs a poll worker. The style list is
 * behind the poll worker PIN ({@link PinLock}); the PIN opens it for one ballot only — activating a style locks it
 * again, so when the voter's turn ends (Finish, or inactivity) the kiosk is back at a locked activation screen and
 * no voter can start another ballot. The screen speaks the poll workers' language, which they choose here (the
 * voter chooses theirs after activation). Searching filters the styles by any word of their names.
 */
public final class ActivationModel {
  private final VotingSession session;
  private final PinLock door;
  private final BallotStyleSearch styles;
  private String query = "";
  private String language;

  public ActivationModel(VotingSession session, PinLock door) {
    this.session = Objects.requireNonNull(session, "session");
    this.door = Objects.requireNonNull(door, "door");
    this.styles = new BallotStyleSearch(session.manifest());
    this.language = session.languages().get(0);
  }

  public VotingSession session() {
    return session;
  }

  /** The PIN (or passphrase) that opens the style list for one ballot. */
  public PinLock door() {
    return door;
  }

  public synchronized boolean isLocked() {
    return !door.isOpen();
  }

  /** Locks the style list (at start-up, and whenever a poll worker turns away). */
  public synchronized void lock() {
    query = "";
    door.lock();
  }

  /** The poll workers' language on this screen (and on their PIN dialog while it shows). */
  public synchronized String language() {
    return language;
  }

  public synchronized Texts texts() {
    return new Texts(language);
  }

  /** The languages poll workers may choose for this screen: those the kiosk speaks to voters. */
  public List<String> languages() {
    return session.languages();
  }

  public synchronized void chooseLanguage(String lang) {
    if (!languages().contains(lang)) {
      throw new IllegalArgumentException("the kiosk does not speak " + lang);
    }
    language = lang;
  }

  public synchronized String query() {
    return query;
  }

  public synchronized void search(String typed) {
    query = typed == null ? "" : typed;
  }

  /** The styles matching what was typed, by name; none while locked. */
  public synchronized List<BallotStyleSearch.Style> shown() {
    return isLocked() ? List.of() : styles.matching(query);
  }

  /** How many ballot styles the election has. */
  public int stylesCount() {
    return styles.all().size();
  }

  /** The style Enter in the search field starts: the first one shown. */
  public synchronized Optional<BallotStyleSearch.Style> first() {
    return shown().stream().findFirst();
  }

  /**
   * Starts a ballot of {@code styleId} for the voter; the style list is locked again at once, so the next ballot
   * needs the PIN again. Refused while locked.
   */
  public synchronized void activate(String styleId) {
    if (isLocked()) {
      throw new IllegalStateException("the activation screen is locked: the poll worker PIN opens it");
    }
    lock();
    session.activate(styleId);
  }
}
