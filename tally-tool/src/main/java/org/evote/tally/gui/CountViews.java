package org.evote.tally.gui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.evote.crypto.count.RankedResult;
import org.evote.crypto.count.WriteInCount;
import org.evote.crypto.manifest.ContestDescription;
import org.evote.crypto.manifest.DisplayNames;
import org.evote.crypto.manifest.Manifest;

/**
 * The result page's view of the mixed contests (protocol §13.6, §13.7), free of javafx.scene: for each ranked
 * contest its rounds (one chart each) and winner, and for each write-in line the names written with their counts —
 * every word from the bundle, every name by the display-name rule.
 */
public final class CountViews {
  /** One round: its bars (continuing candidates, manifest order), exhausted ballots and how it ended. */
  public record RoundView(int number, String title, List<ResultViewModel.Bar> bars, long exhausted,
      String exhaustedText, String outcomeText) {}

  /** One ranked contest's rounds and its winner. */
  public record RankedView(String contestId, String name, String heading, List<RoundView> rounds,
      Optional<String> winnerId, String winnerText) {}

  /** One write-in line's names: each a line of text, most written first. */
  public record WriteInView(String contestId, String selectionId, String title, List<String> lines,
      List<WriteInCount.Name> names, long unreadable) {}

  private final Manifest manifest;
  private final DisplayNames names;
  private final GuiWords words;
  private final GuiTexts texts;
  private final String language;

  CountViews(Manifest manifest, DisplayNames names, GuiTexts texts) {
    this.manifest = manifest;
    this.names = names;
    this.texts = texts;
    this.words = new GuiWords(texts);
    this.language = texts.language();
  }

  private String name(ContestDescription c, String selectionId) {
    return c.selection(selectionId).map(s -> names.selection(c.id(), s.id(), language).render(words))
        .orElse(selectionId);
  }

  private String contestName(ContestDescription c) {
    return names.contest(c.id(), language).render(words);
  }

  private String names(ContestDescription c, List<String> ids) {
    return String.join(", ", ids.stream().map(id -> name(c, id)).toList());
  }

  /** The ranked contests' views, in manifest order (a result for a contest the manifest lacks is left out). */
  List<RankedView> ranked(List<RankedResult> results) {
    List<RankedView> out = new ArrayList<>();
    for (ContestDescription c : manifest.contests()) {
      results.stream().filter(r -> r.contestId().equals(c.id()) && c.isRanked()).findFirst()
          .ifPresent(r -> out.add(ranked(c, r)));
    }
    return List.copyOf(out);
  }

  private RankedView ranked(ContestDescription c, RankedResult r) {
    List<RoundView> rounds = new ArrayList<>();
    for (RankedResult.Round round : r.rounds()) {
      List<ResultViewModel.Bar> bars = round.totals().stream().map(t -> new ResultViewModel.Bar(t.selectionId(),
          name(c, t.selectionId()), t.votes())).toList();
      String lot = round.lot().map(l -> names(c, l.tied())).orElse("");
      String who = round.outcome().ends() ? r.winner().map(w -> name(c, w)).orElse("")
          : names(c, round.defeated());
      String key = "result.outcome." + round.outcome().wire() + (round.lot().isPresent() ? ".lot" : "");
      rounds.add(new RoundView(round.number(), texts.get("result.round", round.number()), bars, round.exhausted(),
          texts.get("result.exhausted", round.exhausted()), texts.get(key, who, lot)));
    }
    String winner = r.winner().map(w -> texts.get("result.winner", name(c, w))).orElse(texts.get("result.noWinner"));
    return new RankedView(c.id(), contestName(c), texts.get("result.ranked"), List.copyOf(rounds), r.winner(),
        winner);
  }

  /** The write-in lines' views, in manifest order. */
  List<WriteInView> writeIns(List<WriteInCount> lists) {
    List<WriteInView> out = new ArrayList<>();
    for (ContestDescription c : manifest.contests()) {
      for (WriteInCount w : lists) {
        if (!w.contestId().equals(c.id())) {
          continue;
        }
        List<String> lines = new ArrayList<>();
        for (WriteInCount.Name n : w.names()) {
          lines.add(texts.get("result.writeIns.name", n.name(), n.count()));
        }
        if (w.unreadable() > 0) {
          lines.add(texts.get("result.writeIns.unreadable", w.unreadable()));
        }
        if (lines.isEmpty()) {
          lines.add(texts.get("result.writeIns.none"));
        }
        out.add(new WriteInView(c.id(), w.selectionId(), texts.get("result.writeIns", name(c, w.selectionId()),
            contestName(c)), List.copyOf(lines), w.names(), w.unreadable()));
      }
    }
    return List.copyOf(out);
  }
}
