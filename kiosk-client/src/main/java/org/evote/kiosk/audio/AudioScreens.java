package org.evote.kiosk.audio;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.evote.crypto.manifest.ContestDescription;
import org.evote.crypto.manifest.DisplayNames;
import org.evote.crypto.manifest.DisplayText;
import org.evote.crypto.manifest.SelectionDescription;
import org.evote.kiosk.audio.AudioScreen.Item;
import org.evote.kiosk.audio.AudioScreen.Line;
import org.evote.kiosk.service.LocalReceipt;
import org.evote.kiosk.session.Texts;
import org.evote.kiosk.session.VotingSession;
import org.evote.kiosk.ui.KioskController;

/**
 * Builds what the audio mode says on each screen of the voter flow, in the voter's language: the kiosk's words
 * from its resource bundle ({@code audio.*} and the screens' own keys), every name of the manifest by the one
 * display-name rule ({@link DisplayNames}); every action goes through {@link VotingSession} and
 * {@link KioskController}, as the screens' buttons do.
 */
final class AudioScreens {
  private final KioskController controller;
  private final VotingSession session;
  private final DisplayNames names;
  private final AudioRanking ranking;
  private final AudioWriteIn writeIn;

  AudioScreens(KioskController controller) {
    this.controller = controller;
    this.session = controller.session();
    this.names = new DisplayNames(session.manifest());
    this.ranking = new AudioRanking(session, this::selectionName);
    this.writeIn = new AudioWriteIn(session);
  }

  /** The write-in screen's words (the navigator speaks each edit of the name through it). */
  AudioWriteIn writeIn() {
    return writeIn;
  }

  /** The current screen. */
  AudioScreen current() {
    Texts t = session.texts();
    return switch (session.screen()) {
      case ACTIVATION -> new AudioScreen(List.of(), List.of());
      case LANGUAGE -> language();
      case CONTEST -> contest(t);
      case WRITE_IN -> writeIn.screen(t, contestTitle(session.currentContest()), render(names.selection(
          session.currentContest().id(), session.writeIn().orElseThrow().selectionId(), session.language())));
      case REVIEW -> review(t);
      case ENCRYPTING -> waiting(t, t.get("encrypting.title") + " " + t.get("audio.wait"));
      case SUBMITTING -> waiting(t, t.get("audio.submitting"));
      case DECIDE -> session.pendingDecision().isPresent() ? confirm(t, session.pendingDecision().get())
          : decide(t);
      case RECEIPT -> controller.lastReceipt() == null ? waiting(t, t.get("audio.submitting")) : receipt(t);
      case CHALLENGED -> controller.lastReceipt() == null ? waiting(t, t.get("audio.submitting")) : challenged(t);
    };
  }

  /** The tracking code spelled out in its groups, character by character: "Group 1: 7, K, Q, 2. …". */
  static String spell(Texts t, String code) {
    List<String> groups = new ArrayList<>();
    String[] parts = code.split("-");
    for (int g = 0; g < parts.length; g++) {
      List<String> chars = new ArrayList<>();
      for (char c : parts[g].toCharArray()) {
        chars.add(String.valueOf(c));
      }
      groups.add(t.get("audio.code.group", g + 1, String.join(", ", chars)));
    }
    return String.join(" ", groups);
  }

  private Line line(String text) {
    return new Line(text, session.language());
  }

  private Line say(Texts t, String key, Object... args) {
    return line(t.get(key, args));
  }

  private String render(DisplayText d) {
    return d.render(session.words());
  }

  private AudioScreen waiting(Texts t, String words) {
    return new AudioScreen(List.of(line(words)), List.of());
  }

  private AudioScreen language() {
    List<Line> intro = new ArrayList<>();
    List<Item> items = new ArrayList<>();
    for (String lang : session.languages()) {
      Texts t = new Texts(lang);
      intro.add(new Line(t.get("audio.language.intro"), lang));
      items.add(new Item(new Line(t.get("audio.language.item", Texts.languageName(lang)), lang), () -> {
        session.chooseLanguage(lang);
        return List.of();
      }));
    }
    return new AudioScreen(intro, items);
  }

  String contestTitle(ContestDescription c) {
    return render(names.contest(c.id(), session.language()));
  }

  private String voteFor(Texts t, ContestDescription c) {
    return names.contestSubtitle(c.id(), session.language()).map(this::render).orElse(c.votesAllowed() == 1
        ? t.get("contest.voteForOne") : t.get("contest.voteFor", c.votesAllowed()));
  }

  private String selectionName(ContestDescription c, SelectionDescription s) {
    String lang = session.language();
    String name = session.choiceName(c, s.id()); // a write-in line with the name written on it
    Optional<DisplayText> party = names.selectionParty(c.id(), s.id(), lang);
    return party.map(p -> session.texts().get("audio.candidate.party", name, render(p))).orElse(name);
  }

  private AudioScreen contest(Texts t) {
    ContestDescription c = session.currentContest();
    int position = session.contestIndexProperty().get() + 1;
    int count = session.contests().size();
    Item next = new Item(say(t, position == count ? "audio.contest.toReview" : "audio.contest.next"), () -> {
      session.next();
      return List.of();
    });
    if (c.isRanked()) {
      return ranking.screen(t, contestTitle(c), next);
    }
    List<SelectionDescription> sel = c.selections();
    Line intro = say(t, "audio.contest.intro", position, count, contestTitle(c), voteFor(t, c),
        session.chosen(c.id()).size(), c.votesAllowed(), sel.size());
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < sel.size(); i++) {
      SelectionDescription s = sel.get(i);
      String name = selectionName(c, s);
      String state = t.get(session.isChosen(c.id(), s.id()) ? "audio.state.selected" : "audio.state.notSelected");
      items.add(new Item(say(t, "audio.candidate", name, i + 1, sel.size(), state), () -> {
        VotingSession.Toggle r = session.toggle(s.id());
        int chosen = session.chosen(c.id()).size();
        return switch (r) {
          case SELECTED -> List.of(say(t, "audio.selected", name, chosen, c.votesAllowed()));
          case DESELECTED -> List.of(say(t, "audio.deselected", name, chosen, c.votesAllowed()));
          case REFUSED_OVERVOTE -> List.of(line(session.noticeProperty().get()));
          case WRITE_IN -> List.<Line>of(); // the write-in screen is announced
        };
      }));
    }
    items.add(next);
    return new AudioScreen(List.of(intro), items);
  }

  private AudioScreen review(Texts t) {
    List<ContestDescription> contests = session.contests();
    Line intro = say(t, "audio.review.intro", contests.size());
    List<Item> items = new ArrayList<>();
    var choices = session.ballotChoices();
    for (ContestDescription c : contests) {
      List<String> chosen = new ArrayList<>();
      List<String> ids = choices.getOrDefault(c.id(), List.of());
      for (int i = 0; i < ids.size(); i++) {
        String name = selectionName(c, c.selection(ids.get(i)).orElseThrow());
        chosen.add(c.isRanked() ? t.get("rank.line", t.get("rank.ordinal", i + 1), name) : name);
      }
      String text = chosen.isEmpty() ? t.get("audio.review.none", contestTitle(c))
          : t.get("audio.review.line", contestTitle(c), String.join("; ", chosen));
      int remaining = c.votesAllowed() - chosen.size();
      if (!chosen.isEmpty() && remaining > 0) {
        text += " " + t.get(c.isRanked() ? "review.rankMore" : "review.undervote", remaining);
      }
      items.add(new Item(line(text + " " + t.get("audio.review.change")), () -> {
        session.edit(c.id());
        return List.of();
      }));
    }
    items.add(new Item(say(t, "audio.review.encrypt"), () -> {
      controller.encrypt();
      return List.of();
    }));
    return new AudioScreen(List.of(intro), items);
  }

  private Item codeAgain(Texts t, String code) {
    return new Item(say(t, "audio.code.again"), () -> List.of(line(t.get("decide.code") + ": "
        + spell(t, code))));
  }

  private AudioScreen decide(Texts t) {
    String code = controller.trackingCode();
    Line intro = line(t.get("decide.title") + ". " + t.get("decide.code") + ": " + spell(t, code) + " "
        + t.get("decide.help") + " " + t.get("audio.decide.hint"));
    List<Item> items = List.of(codeAgain(t, code), new Item(say(t, "audio.decide.cast"), () -> {
      session.askCast();
      return List.of();
    }), new Item(say(t, "audio.decide.challenge"), () -> {
      session.askChallenge();
      return List.of();
    }));
    return new AudioScreen(List.of(intro), items);
  }

  private AudioScreen confirm(Texts t, VotingSession.Pending pending) {
    boolean cast = pending == VotingSession.Pending.CAST;
    Line intro = say(t, cast ? "audio.confirm.cast" : "audio.confirm.challenge");
    Item yes = new Item(say(t, cast ? "audio.confirm.yesCast" : "audio.confirm.yesChallenge"), () -> {
      if (cast) {
        controller.cast();
      } else {
        controller.challenge();
      }
      return List.of();
    });
    Item no = new Item(say(t, "audio.confirm.no"), () -> {
      session.cancelDecision();
      return List.of();
    });
    return new AudioScreen(List.of(intro), List.of(yes, no));
  }

  private AudioScreen receipt(Texts t) {
    LocalReceipt r = controller.lastReceipt();
    String state = r.refusal().isPresent() ? t.get("receipt.refused", org.evote.kiosk.pollworker.RefusalWords.of(t,
        r.refusal().get())) : r.uploadPending() ? t.get("receipt.pending")
        : t.get("receipt.onBoard", r.boardSequence().orElse(-1L));
    String print = controller.printStatus().isEmpty() ? "" : " " + controller.printStatus();
    Line intro = line(t.get("receipt.title") + ". " + state + " " + t.get("decide.code") + ": "
        + spell(t, r.trackingCode()) + " " + t.get("receipt.help") + print + " " + t.get("audio.receipt.hint"));
    Item finish = new Item(say(t, "audio.receipt.finish"), () -> {
      controller.endVoter();
      return List.of();
    });
    return new AudioScreen(List.of(intro), List.of(codeAgain(t, r.trackingCode()), finish));
  }

  private AudioScreen challenged(Texts t) {
    LocalReceipt r = controller.lastReceipt();
    Line intro = line(t.get("challenged.title") + ". " + t.get("challenged.help", spell(t, r.trackingCode()))
        + " " + t.get("audio.challenged.hint"));
    Item again = new Item(say(t, "audio.challenged.again"), () -> {
      session.voteAgain();
      return List.of();
    });
    return new AudioScreen(List.of(intro), List.of(codeAgain(t, r.trackingCode()), again));
  }
}
