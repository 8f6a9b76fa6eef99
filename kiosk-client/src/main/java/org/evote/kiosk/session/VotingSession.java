package org.evote.kiosk.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.evote.crypto.manifest.Candidate;
import org.evote.crypto.manifest.ContestDescription;
import org.evote.crypto.manifest.Manifest;
import org.evote.crypto.manifest.SelectionDescription;

/**
 * The state of one voter at the kiosk, apart from any screen (the view model of the whole flow): which screen,
 * the style and language, the choices made so far, and the notices the voter should see. It never lets more
 * selections be made than a contest allows. It knows nothing of JavaFX scenes or of the network; the views bind
 * to its properties and the controller calls its methods.
 */
public final class VotingSession {
  private final Manifest manifest;
  private final ReadOnlyObjectWrapper<Screen> screen = new ReadOnlyObjectWrapper<>(Screen.ACTIVATION);
  private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
  private final ReadOnlyObjectWrapper<Integer> contestIndex = new ReadOnlyObjectWrapper<>(0);
  private final Map<String, LinkedHashSet<String>> choices = new LinkedHashMap<>();
  private String styleId;
  private String language = "en";
  private boolean backToReview;
  private Pending pending;

  public VotingSession(Manifest manifest) {
    this.manifest = manifest;
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

  public Set<String> chosen(String contestId) {
    return Set.copyOf(choices.getOrDefault(contestId, new LinkedHashSet<>()));
  }

  public boolean isChosen(String contestId, String selectionId) {
    return choices.getOrDefault(contestId, new LinkedHashSet<>()).contains(selectionId);
  }

  /** The outcome of touching a selection. */
  public enum Toggle { SELECTED, DESELECTED, REFUSED_OVERVOTE }

  /** Selects or deselects; refuses (with a notice) a selection beyond what the contest allows. */
  public Toggle toggle(String selectionId) {
    ContestDescription c = currentContest();
    if (c.selection(selectionId).isEmpty()) {
      throw new IllegalArgumentException("contest " + c.id() + " has no selection " + selectionId);
    }
    LinkedHashSet<String> set = choices.computeIfAbsent(c.id(), k -> new LinkedHashSet<>());
    if (set.remove(selectionId)) {
      notice.set("");
      return Toggle.DESELECTED;
    }
    if (set.size() >= c.votesAllowed()) {
      notice.set(texts().get("contest.overvote", c.votesAllowed()));
      return Toggle.REFUSED_OVERVOTE;
    }
    set.add(selectionId);
    notice.set("");
    return Toggle.SELECTED;
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
    /** True if the voter marked fewer than allowed (an undervote, flagged but allowed). */
    public boolean undervote() {
      return remaining > 0;
    }
  }

  public List<ReviewLine> review() {
    List<ReviewLine> out = new ArrayList<>();
    for (ContestDescription c : contests()) {
      List<String> names = new ArrayList<>();
      for (String s : choices.getOrDefault(c.id(), new LinkedHashSet<>())) {
        names.add(selectionName(c, s));
      }
      out.add(new ReviewLine(c, names, c.votesAllowed() - names.size()));
    }
    return out;
  }

  /** The voter's choices for encryption: contest id → selection ids. */
  public Map<String, List<String>> ballotChoices() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (ContestDescription c : contests()) {
      out.put(c.id(), List.copyOf(choices.getOrDefault(c.id(), new LinkedHashSet<>())));
    }
    return out;
  }

  // ---- names in the voter's language ----

  public String contestTitle(ContestDescription c) {
    return c.ballotTitle().in(language).or(() -> c.name().in(language)).orElse(c.id());
  }

  public String contestSubtitle(ContestDescription c) {
    return c.ballotSubtitle().in(language).orElse(c.votesAllowed() == 1 ? texts().get("contest.voteForOne")
        : texts().get("contest.voteFor", c.votesAllowed()));
  }

  public String selectionName(ContestDescription c, String selectionId) {
    Optional<SelectionDescription> s = c.selection(selectionId);
    Optional<Candidate> cand = s.flatMap(x -> manifest.candidate(x.candidateId()));
    String fallback = s.map(SelectionDescription::candidateId).orElse(selectionId);
    if (cand.isEmpty() && fallback.startsWith("write-in")) {
      fallback = texts().get("contest.writeIn");
    }
    return cand.flatMap(x -> x.name().in(language)).filter(n -> !n.isBlank()).orElse(fallback);
  }

  public String partyName(ContestDescription c, String selectionId) {
    return c.selection(selectionId).flatMap(s -> manifest.candidate(s.candidateId())).flatMap(Candidate::partyId)
        .flatMap(manifest::party).map(p -> p.name().in(language).filter(n -> !n.isBlank())
            .orElse(p.abbreviation())).orElse("");
  }

  // ---- the encrypt / cast / challenge steps (run by the controller) ----

  public void encrypting() {
    go(Screen.ENCRYPTING);
  }

  public void decide() {
    go(Screen.DECIDE);
  }

  // Minimal confirmation state (design-13.md; voter13 owns the full version): before Cast and before Challenge
  // the voter confirms; the controller's cast()/challenge() are unchanged.

  /** A decision the voter was asked to confirm. */
  public enum Pending { CAST, CHALLENGE }

  /** The decision awaiting the voter's confirmation on the DECIDE screen, if any. */
  public Optional<Pending> pendingDecision() {
    return Optional.ofNullable(pending);
  }

  public void askCast() {
    pending = Pending.CAST;
  }

  public void askChallenge() {
    pending = Pending.CHALLENGE;
  }

  public void cancelDecision() {
    pending = null;
  }

  public void submitting() {
    go(Screen.SUBMITTING);
  }

  /** After a cast: the receipt is shown and the voter's choices are gone. */
  public void cast() {
    choices.clear();
    go(Screen.RECEIPT);
  }

  /** After a challenge: the same voter votes again with a fresh ballot; the choices are kept to edit. */
  public void challenged() {
    go(Screen.CHALLENGED);
  }

  public void voteAgain() {
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
    choices.clear();
    styleId = null;
    language = languages().get(0);
    contestIndex.set(0);
    backToReview = false;
    notice.set("");
  }

  private void go(Screen s) {
    pending = null;
    screen.set(s);
  }
}
