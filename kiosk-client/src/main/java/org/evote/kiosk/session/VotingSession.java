package org.evote.kiosk.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.evote.crypto.manifest.ContestDescription;
import org.evote.crypto.manifest.DisplayNames;
import org.evote.crypto.manifest.Manifest;
import org.evote.crypto.manifest.SelectionDescription;

/**
 * The state of one voter at the kiosk, apart from any screen (the view model of the whole flow): which screen,
 * the style and language, the choices made so far, and the notices the voter should see. It never lets more
 * selections be made than a contest allows, nor more ranks than a ranked contest has; it keeps a ranked contest's
 * order (move up, move down, remove, clear) and the names written on write-in lines (entered on the
 * {@link Screen#WRITE_IN} screen through a {@link WriteInEntry}). It knows nothing of JavaFX scenes or of the network; the views bind
 * to its properties and the controller calls its methods.
 */
public final class VotingSession {
  private final Manifest manifest;
  private final DisplayNames names;
  private final ReadOnlyObjectWrapper<Optional<Pending>> pending = new ReadOnlyObjectWrapper<>(Optional.empty());
  private final ReadOnlyObjectWrapper<Screen> screen = new ReadOnlyObjectWrapper<>(Screen.ACTIVATION);
  private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
  private final ReadOnlyObjectWrapper<Integer> contestIndex = new ReadOnlyObjectWrapper<>(0);
  private final Marks choices = new Marks();
  private final ReadOnlyIntegerWrapper marksChanged = new ReadOnlyIntegerWrapper(0);
  private final ReadOnlyObjectWrapper<Optional<WriteInEntry>> writeIn = new ReadOnlyObjectWrapper<>(
      Optional.empty());
  private String styleId;
  private String language = "en";
  private boolean backToReview;

  public VotingSession(Manifest manifest) {
    this.manifest = manifest;
    this.names = new DisplayNames(manifest);
  }

  /** The manifest's names under the one display-name rule (protocol §5.1). */
  public DisplayNames names() {
    return names;
  }

  public Manifest manifest() {
    return manifest;
  }

  public ReadOnlyObjectProperty<Screen> screenProperty() {
    return screen.getReadOnlyProperty();
  }

  public Screen screen() {
    return screen.get();
  }

  /** A message for the voter (an overvote refused, for instance); empty when none. */
  public ReadOnlyStringProperty noticeProperty() {
    return notice.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Integer> contestIndexProperty() {
    return contestIndex.getReadOnlyProperty();
  }

  public String language() {
    return language;
  }

  public Texts texts() {
    return new Texts(language);
  }

  /** The kiosk's words for what the manifest does not name, in the voter's language. */
  public KioskWords words() {
    return new KioskWords(texts());
  }

  public Optional<String> styleId() {
    return Optional.ofNullable(styleId);
  }

  /** The languages the manifest speaks (English first if present). */
  public List<String> languages() {
    List<String> l = new ArrayList<>(manifest.languages());
    if (l.isEmpty()) {
      l.add("en");
    }
    return l;
  }

  // ---- poll worker ----

  /** The poll worker activates a ballot of this style. */
  public void activate(String style) {
    if (manifest.style(style).isEmpty()) {
      throw new IllegalArgumentException("unknown ballot style " + style);
    }
    clearVoter();
    styleId = style;
    List<String> langs = languages();
    if (langs.size() == 1) {
      chooseLanguage(langs.get(0));
    } else {
      go(Screen.LANGUAGE);
    }
  }

  // ---- voter ----

  public void chooseLanguage(String lang) {
    language = lang;
    contestIndex.set(0);
    backToReview = false;
    go(contests().isEmpty() ? Screen.REVIEW : Screen.CONTEST);
  }

  /** The contests on the voter's style, in order. */
  public List<ContestDescription> contests() {
    return styleId == null ? List.of() : manifest.contestsFor(styleId);
  }

  public ContestDescription currentContest() {
    return contests().get(contestIndex.get());
  }

  /** The selections marked in a contest, in the order chosen (a ranked contest's ranking). */
  public Set<String> chosen(String contestId) {
    return new LinkedHashSet<>(choices.of(contestId));
  }

  public boolean isChosen(String contestId, String selectionId) {
    return choices.has(contestId, selectionId);
  }

  /** A ranked contest's ranking, first preference first (empty if none). */
  public List<String> ranking(String contestId) {
    return choices.of(contestId);
  }

  /** The rank (1 = first preference) of a selection in its contest's ranking; 0 if it is not ranked. */
  public int rankOf(String contestId, String selectionId) {
    return choices.position(contestId, selectionId);
  }

  /** Counts every change of the marks (the ranked screen redraws its ranking on it). */
  public ReadOnlyIntegerProperty marksChangedProperty() {
    return marksChanged.getReadOnlyProperty();
  }

  /** The outcome of touching a selection. */
  public enum Toggle {
    /** Marked (in a ranked contest: ranked next). */
    SELECTED,
    /** Unmarked (in a ranked contest: removed from the ranking, the later ranks move up). */
    DESELECTED,
    /** More than the contest allows (marks or ranks): refused with a notice. */
    REFUSED_OVERVOTE,
    /** A write-in line: the write-in screen asks for the name first. */
    WRITE_IN
  }

  /**
   * Selects or deselects (in a ranked contest: ranks next, or removes from the ranking); refuses (with a notice)
   * a selection beyond what the contest allows; a write-in line not yet marked opens the write-in screen, and is
   * marked only once its name is done.
   */
  public Toggle toggle(String selectionId) {
    ContestDescription c = currentContest();
    SelectionDescription s = c.selection(selectionId).orElseThrow(() -> new IllegalArgumentException(
        "contest " + c.id() + " has no selection " + selectionId));
    if (choices.remove(c.id(), selectionId)) {
      notice.set("");
      changed();
      return Toggle.DESELECTED;
    }
    if (choices.count(c.id()) >= c.votesAllowed()) {
      notice.set(texts().get(c.isRanked() ? "contest.overrank" : "contest.overvote", c.votesAllowed()));
      return Toggle.REFUSED_OVERVOTE;
    }
    notice.set("");
    if (names.isWriteIn(s)) {
      writeIn.set(Optional.of(new WriteInEntry(c.id(), selectionId, "", texts())));
      go(Screen.WRITE_IN);
      return Toggle.WRITE_IN;
    }
    choices.add(c.id(), selectionId);
    changed();
    return Toggle.SELECTED;
  }

  /** Moves a ranked selection one rank up (towards first); false if it is first or not ranked. */
  public boolean moveUp(String selectionId) {
    return move(selectionId, -1);
  }

  /** Moves a ranked selection one rank down; false if it is last or not ranked. */
  public boolean moveDown(String selectionId) {
    return move(selectionId, 1);
  }

  private boolean move(String selectionId, int delta) {
    boolean moved = choices.move(currentContest().id(), selectionId, delta);
    notice.set("");
    if (moved) {
      changed();
    }
    return moved;
  }

  /** Removes a selection from the current contest's marks (its ranking; its write-in name); false if unmarked. */
  public boolean remove(String selectionId) {
    boolean removed = choices.remove(currentContest().id(), selectionId);
    notice.set("");
    if (removed) {
      changed();
    }
    return removed;
  }

  /** Clears the current contest: no selection marked or ranked, no name written. */
  public void clearContest() {
    choices.clear(currentContest().id());
    notice.set("");
    changed();
  }

  // ---- write-in lines ----

  /** The name being typed on the write-in screen (empty on every other screen). */
  public ReadOnlyObjectProperty<Optional<WriteInEntry>> writeInProperty() {
    return writeIn.getReadOnlyProperty();
  }

  public Optional<WriteInEntry> writeIn() {
    return writeIn.get();
  }

  /**
   * The voter is done typing: if the name satisfies the rule, the write-in line is marked (ranked next) with it and
   * the contest is shown again (true); else the entry's problem says why and nothing is marked (false).
   */
  public boolean finishWriteIn() {
    WriteInEntry e = writeIn.get().orElseThrow(() -> new IllegalStateException("no write-in is being typed"));
    Optional<String> name = e.check();
    if (name.isEmpty()) {
      return false;
    }
    choices.add(e.contestId(), e.selectionId());
    choices.name(e.contestId(), e.selectionId(), name.get());
    writeIn.set(Optional.empty());
    changed();
    go(Screen.CONTEST);
    return true;
  }

  /** The voter leaves the write-in screen without a name: the line stays unmarked. */
  public void cancelWriteIn() {
    writeIn.set(Optional.empty());
    notice.set("");
    go(Screen.CONTEST);
  }

  /** The name written on a write-in line, if it is marked with one. */
  public Optional<String> writeInName(String contestId, String selectionId) {
    return choices.name(contestId, selectionId);
  }

  /** A marked selection as the review shows it: its name, or the write-in line with the name written on it. */
  public String choiceName(ContestDescription c, String selectionId) {
    String line = selectionName(c, selectionId);
    return writeInName(c.id(), selectionId).map(n -> texts().get("name.writeInWith", line, n)).orElse(line);
  }

  private void changed() {
    marksChanged.set(marksChanged.get() + 1);
  }

  public void next() {
    notice.set("");
    if (backToReview || contestIndex.get() + 1 >= contests().size()) {
      backToReview = false;
      go(Screen.REVIEW);
    } else {
      contestIndex.set(contestIndex.get() + 1);
      go(Screen.CONTEST);
    }
  }

  public void back() {
    notice.set("");
    if (contestIndex.get() == 0) {
      go(languages().size() > 1 ? Screen.LANGUAGE : Screen.CONTEST);
    } else {
      contestIndex.set(contestIndex.get() - 1);
      go(Screen.CONTEST);
    }
  }

  /** From the review, change one contest and come back to the review. */
  public void edit(String contestId) {
    List<ContestDescription> cs = contests();
    for (int i = 0; i < cs.size(); i++) {
      if (cs.get(i).id().equals(contestId)) {
        contestIndex.set(i);
        backToReview = true;
        go(Screen.CONTEST);
        return;
      }
    }
    throw new IllegalArgumentException("contest " + contestId + " is not on this ballot");
  }

  /** One line of the review screen. */
  public record ReviewLine(ContestDescription contest, List<String> chosenNames, int remaining) {
    /** Whether the names are a ranking (first preference first). */
    public boolean ranked() {
      return contest.isRanked();
    }

    /** True if the voter marked fewer than allowed (an undervote, flagged but allowed). */
    public boolean undervote() {
      return remaining > 0;
    }
  }

  public List<ReviewLine> review() {
    List<ReviewLine> out = new ArrayList<>();
    for (ContestDescription c : contests()) {
      List<String> names = new ArrayList<>();
      for (String s : choices.of(c.id())) {
        names.add(choiceName(c, s));
      }
      out.add(new ReviewLine(c, names, c.votesAllowed() - names.size()));
    }
    return out;
  }

  /** The voter's choices for encryption: contest id → selection ids (a ranked contest's in rank order). */
  public Map<String, List<String>> ballotChoices() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (ContestDescription c : contests()) {
      out.put(c.id(), choices.of(c.id()));
    }
    return out;
  }

  /** The names written, for encryption: contest id → (write-in selection id → name). */
  public Map<String, Map<String, String>> ballotWriteIns() {
    Map<String, Map<String, String>> all = choices.names();
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (ContestDescription c : contests()) {
      if (all.containsKey(c.id())) {
        out.put(c.id(), all.get(c.id()));
      }
    }
    return out;
  }

  // ---- names in the voter's language ----

  /** The election's name in the voter's language (marked if the manifest lacks it in that language). */
  public String electionName() {
    return names.election(language).render(words());
  }

  public String contestTitle(ContestDescription c) {
    return names.contest(c.id(), language).render(words());
  }

  public String contestSubtitle(ContestDescription c) {
    return names.contestSubtitle(c.id(), language).map(t -> t.render(words()))
        .orElse(c.votesAllowed() == 1 ? texts().get("contest.voteForOne")
            : texts().get("contest.voteFor", c.votesAllowed()));
  }

  /** A selection's name: its candidate's, the write-in line, or "Choice n (no name in the manifest)". */
  public String selectionName(ContestDescription c, String selectionId) {
    return names.selection(c.id(), selectionId, language).render(words());
  }

  /** The party of a selection's candidate; empty when it has none. */
  public String partyName(ContestDescription c, String selectionId) {
    return names.selectionParty(c.id(), selectionId, language).map(t -> t.render(words())).orElse("");
  }

  // ---- the encrypt / cast / challenge steps (run by the controller) ----

  public void encrypting() {
    go(Screen.ENCRYPTING);
  }

  public void decide() {
    go(Screen.DECIDE);
  }

  /** The decision the voter is asked to confirm on the tracking-code screen, if any. */
  public enum Pending { CAST, CHALLENGE }

  /** The decision waiting for the voter's confirmation (empty: none asked). */
  public Optional<Pending> pendingDecision() {
    return pending.get();
  }

  public ReadOnlyObjectProperty<Optional<Pending>> pendingDecisionProperty() {
    return pending.getReadOnlyProperty();
  }

  /** The voter chose Cast: ask them to confirm (the controller casts only on their yes). */
  public void askCast() {
    ask(Pending.CAST);
  }

  /** The voter chose Challenge: ask them to confirm. */
  public void askChallenge() {
    ask(Pending.CHALLENGE);
  }

  /** The voter went back from the confirmation: nothing was decided. */
  public void cancelDecision() {
    pending.set(Optional.empty());
  }

  private void ask(Pending p) {
    if (screen.get() != Screen.DECIDE) {
      throw new IllegalStateException("a decision is asked only on the tracking-code screen");
    }
    pending.set(Optional.of(p));
  }

  public void submitting() {
    go(Screen.SUBMITTING);
  }

  /** After a cast: the receipt is shown and the voter's choices are gone. */
  public void cast() {
    choices.clearAll();
    writeIn.set(Optional.empty());
    go(Screen.RECEIPT);
  }

  /**
   * After a challenge: its choices are published with it, so they are wiped here; the same voter then votes again
   * on a fresh, empty ballot.
   */
  public void challenged() {
    choices.clearAll();
    writeIn.set(Optional.empty());
    go(Screen.CHALLENGED);
  }

  /** The voter votes again after a challenge, starting with no choices. */
  public void voteAgain() {
    choices.clearAll();
    writeIn.set(Optional.empty());
    notice.set("");
    contestIndex.set(0);
    backToReview = false;
    go(contests().isEmpty() ? Screen.REVIEW : Screen.CONTEST);
  }

  /** Wipes everything about the voter and returns to the poll worker's screen. */
  public void reset() {
    clearVoter();
    go(Screen.ACTIVATION);
  }

  private void clearVoter() {
    choices.clearAll();
    writeIn.set(Optional.empty());
    styleId = null;
    language = languages().get(0);
    contestIndex.set(0);
    backToReview = false;
    notice.set("");
  }

  private void go(Screen s) {
    pending.set(Optional.empty());
    screen.set(s);
  }
}
