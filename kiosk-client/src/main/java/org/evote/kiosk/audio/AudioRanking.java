package org.evote.kiosk.audio;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.evote.crypto.manifest.ContestDescription;
import org.evote.crypto.manifest.SelectionDescription;
import org.evote.kiosk.audio.AudioScreen.Item;
import org.evote.kiosk.audio.AudioScreen.Line;
import org.evote.kiosk.session.Texts;
import org.evote.kiosk.session.VotingSession;

/**
 * What the audio mode says on a ranked contest: the contest and how many ranks it has, each candidate with its
 * rank ("Ranked 2nd") — Enter ranks it next or removes it —, "Hear your ranking", Move up and Move down for each
 * ranked candidate, Clear, and Next; every change is answered with the candidate's new rank and the ranking.
 */
final class AudioRanking {
  private final VotingSession session;
  private final BiFunction<ContestDescription, SelectionDescription, String> names;

  /** @param names a selection's spoken name (with its party, and the name written on a write-in line) */
  AudioRanking(VotingSession session, BiFunction<ContestDescription, SelectionDescription, String> names) {
    this.session = session;
    this.names = names;
  }

  private Line say(Texts t, String key, Object... args) {
    return new Line(t.get(key, args), session.language());
  }

  /** "Your ranking: 1st choice: …; 2nd choice: …." (or that nothing is ranked). */
  String ranking(Texts t, ContestDescription c) {
    List<String> order = session.ranking(c.id());
    if (order.isEmpty()) {
      return t.get("audio.rank.empty");
    }
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < order.size(); i++) {
      lines.add(t.get("rank.line", t.get("rank.ordinal", i + 1), session.choiceName(c, order.get(i))));
    }
    return t.get("audio.rank.ranking", String.join("; ", lines));
  }

  AudioScreen screen(Texts t, String title, Item next) {
    ContestDescription c = session.currentContest();
    int position = session.contestIndexProperty().get() + 1;
    List<SelectionDescription> sel = c.selections();
    int l = c.votesAllowed();
    Line intro = say(t, "audio.rank.intro", position, session.contests().size(), title, l,
        session.ranking(c.id()).size(), sel.size());
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < sel.size(); i++) {
      SelectionDescription s = sel.get(i);
      String name = names.apply(c, s);
      int rank = session.rankOf(c.id(), s.id());
      String state = rank == 0 ? t.get("audio.rank.state.notRanked")
          : t.get("audio.rank.state.ranked", t.get("rank.ordinal", rank));
      items.add(new Item(say(t, "audio.candidate", name, i + 1, sel.size(), state), () -> {
        VotingSession.Toggle r = session.toggle(s.id());
        int ranked = session.ranking(c.id()).size();
        return switch (r) {
          case SELECTED -> List.of(say(t, "audio.rank.ranked", name,
              t.get("rank.ordinal", session.rankOf(c.id(), s.id())), ranked, l));
          case DESELECTED -> List.of(say(t, "audio.rank.removed", name, ranked, l), say(t, "audio.rank.said",
              ranking(t, c)));
          case REFUSED_OVERVOTE -> List.of(new Line(session.noticeProperty().get(), session.language()));
          case WRITE_IN -> List.of();
        };
      }));
    }
    items.add(new Item(say(t, "audio.rank.hear"), () -> List.of(say(t, "audio.rank.said", ranking(t, c)))));
    List<String> order = session.ranking(c.id());
    for (int i = 0; i < order.size(); i++) {
      String id = order.get(i);
      String name = session.choiceName(c, id);
      if (i > 0) {
        items.add(new Item(say(t, "audio.rank.moveUp", name, t.get("rank.ordinal", i + 1),
            t.get("rank.ordinal", i)), () -> moved(t, c, id, session.moveUp(id))));
      }
      if (i < order.size() - 1) {
        items.add(new Item(say(t, "audio.rank.moveDown", name, t.get("rank.ordinal", i + 1),
            t.get("rank.ordinal", i + 2)), () -> moved(t, c, id, session.moveDown(id))));
      }
    }
    if (!order.isEmpty()) {
      items.add(new Item(say(t, "audio.rank.clear"), () -> {
        session.clearContest();
        return List.of(say(t, "audio.rank.cleared"));
      }));
    }
    items.add(next);
    return new AudioScreen(List.of(intro), items);
  }

  private List<Line> moved(Texts t, ContestDescription c, String id, boolean done) {
    if (!done) {
      return List.of(say(t, "audio.rank.said", ranking(t, c)));
    }
    return List.of(say(t, "audio.rank.moved", session.choiceName(c, id),
        t.get("rank.ordinal", session.rankOf(c.id(), id))), say(t, "audio.rank.said", ranking(t, c)));
  }
}
