package org.evote.tally.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.evote.crypto.count.RankedResult;
import org.evote.crypto.count.WriteInCount;
import org.evote.crypto.manifest.ContestDescription;

/**
 * The parts of the result files for mixed contests (protocol §13.6, §13.7): a ranked contest's rounds and winner,
 * and the names written on each write-in line with their counts. Names written by voters are untrusted text: they
 * are escaped in HTML and neutralized in CSV like every other name.
 */
final class CountSections {
  private final ResultReport report;
  private final ReportWords words;
  private final List<RankedResult> ranked;
  private final List<WriteInCount> writeIns;

  CountSections(ResultReport report, ReportWords words, List<RankedResult> ranked, List<WriteInCount> writeIns) {
    this.report = report;
    this.words = words;
    this.ranked = ranked;
    this.writeIns = writeIns;
  }

  Optional<RankedResult> ranked(ContestDescription c) {
    return ranked.stream().filter(r -> r.contestId().equals(c.id())).findFirst();
  }

  List<WriteInCount> writeIns(ContestDescription c) {
    return writeIns.stream().filter(w -> w.contestId().equals(c.id())).toList();
  }

  boolean anyRanked() {
    return !ranked.isEmpty();
  }

  boolean anyWriteIns() {
    return !writeIns.isEmpty();
  }

  /** A candidate's name by its selection id (the id itself if the manifest has no such selection). */
  String name(ContestDescription c, String selectionId) {
    return c.selection(selectionId).map(s -> report.selectionName(c, s)).orElse(selectionId);
  }

  private String names(ContestDescription c, List<String> ids) {
    return String.join(", ", ids.stream().map(id -> name(c, id)).toList());
  }

  /** What ended a round, in words. */
  String outcome(ContestDescription c, RankedResult r, RankedResult.Round round) {
    String lot = round.lot().map(l -> names(c, l.tied())).orElse("");
    String key = "outcome." + round.outcome().wire() + (round.lot().isPresent() ? ".lot" : "");
    String who = round.outcome().ends() ? r.winner().map(w -> name(c, w)).orElse("") : names(c, round.defeated());
    return words.say(key, who, lot);
  }

  String winner(ContestDescription c, RankedResult r) {
    return r.winner().map(w -> words.say("winner", name(c, w))).orElse(words.say("noWinner"));
  }

  void text(StringBuilder out, ContestDescription c) {
    if (c.isRanked()) {
      out.append("  ").append(words.say("ranked")).append('\n');
      Optional<RankedResult> r = ranked(c);
      if (r.isEmpty()) {
        out.append("  ").append(words.say("ranked.missing")).append('\n');
      } else {
        for (RankedResult.Round round : r.get().rounds()) {
          out.append("  ").append(words.say("round", round.number() + "")).append('\n');
          for (RankedResult.Total t : round.totals()) {
            out.append(line("    ", name(c, t.selectionId()), t.votes()));
          }
          out.append(line("    ", words.say("exhausted"), round.exhausted()));
          out.append("    ").append(outcome(c, r.get(), round)).append('\n');
        }
        out.append("  ").append(winner(c, r.get())).append('\n');
      }
    }
    for (WriteInCount w : writeIns(c)) {
      out.append("  ").append(words.say("writeIns", name(c, w.selectionId()))).append('\n');
      if (w.names().isEmpty() && w.unreadable() == 0) {
        out.append("    ").append(words.say("writeIns.none")).append('\n');
      }
      for (WriteInCount.Name n : w.names()) {
        out.append(line("    ", n.name(), n.count()));
      }
      if (w.unreadable() > 0) {
        out.append(line("    ", words.say("writeIns.unreadable"), w.unreadable()));
      }
    }
  }

  private static String line(String indent, String name, long n) {
    return String.format(Locale.ROOT, "%s%-48s %8d%n", indent, name, n);
  }

  void html(StringBuilder out, ContestDescription c) {
    if (c.isRanked()) {
      out.append("<p>").append(ResultReport.html(words.say("ranked"))).append("</p>\n");
      Optional<RankedResult> r = ranked(c);
      if (r.isEmpty()) {
        out.append("<p>").append(ResultReport.html(words.say("ranked.missing"))).append("</p>\n");
      } else {
        for (RankedResult.Round round : r.get().rounds()) {
          long max = Math.max(1, round.totals().stream().mapToLong(RankedResult.Total::votes).max().orElse(1));
          out.append("<h3>").append(ResultReport.html(words.say("round", round.number() + ""))).append("</h3>\n")
              .append("<table>\n");
          for (RankedResult.Total t : round.totals()) {
            out.append(bar(name(c, t.selectionId()), t.votes(), max));
          }
          out.append("<tr><td>").append(ResultReport.html(words.say("exhausted"))).append("</td><td class=\"n\">")
              .append(round.exhausted()).append("</td><td></td></tr>\n</table>\n<p>")
              .append(ResultReport.html(outcome(c, r.get(), round))).append("</p>\n");
        }
        out.append("<p><strong>").append(ResultReport.html(winner(c, r.get()))).append("</strong></p>\n");
      }
    }
    for (WriteInCount w : writeIns(c)) {
      out.append("<h3>").append(ResultReport.html(words.say("writeIns", name(c, w.selectionId()))))
          .append("</h3>\n");
      if (w.names().isEmpty() && w.unreadable() == 0) {
        out.append("<p>").append(ResultReport.html(words.say("writeIns.none"))).append("</p>\n");
        continue;
      }
      out.append("<table>\n<tr><th>").append(ResultReport.html(words.say("name"))).append("</th><th class=\"n\">")
          .append(ResultReport.html(words.say("count"))).append("</th></tr>\n");
      for (WriteInCount.Name n : w.names()) {
        out.append("<tr><td>").append(ResultReport.html(n.name())).append("</td><td class=\"n\">").append(n.count())
            .append("</td></tr>\n");
      }
      if (w.unreadable() > 0) {
        out.append("<tr><td><em>").append(ResultReport.html(words.say("writeIns.unreadable")))
            .append("</em></td><td class=\"n\">").append(w.unreadable()).append("</td></tr>\n");
      }
      out.append("</table>\n");
    }
  }

  private String bar(String name, long n, long max) {
    return "<tr><td>" + ResultReport.html(name) + "</td><td class=\"n\">" + n + "</td><td style=\"width:50%\">"
        + "<div class=\"bar\" role=\"img\" aria-label=\"" + ResultReport.html(words.say("votes", n + "", n))
        + "\" style=\"width:" + (100 * n / max) + "%\"></div></td></tr>\n";
  }

  /** result-rounds.csv: one row per continuing candidate per round, with how the round ended. */
  String roundsCsv(List<ContestDescription> contests) {
    StringBuilder out = new StringBuilder("contest_id,contest,round,selection_id,selection,votes,exhausted,outcome,"
        + "defeated,lot_tied,winner\n");
    for (ContestDescription c : contests) {
      Optional<RankedResult> r = ranked(c);
      if (!c.isRanked() || r.isEmpty()) {
        continue;
      }
      for (RankedResult.Round round : r.get().rounds()) {
        for (RankedResult.Total t : round.totals()) {
          out.append(String.join(",", List.of(ResultReport.csvText(c.id()), ResultReport.csvText(report.contestName(c)),
              Integer.toString(round.number()), ResultReport.csvText(t.selectionId()),
              ResultReport.csvText(name(c, t.selectionId())), Long.toString(t.votes()),
              Long.toString(round.exhausted()), ResultReport.csvText(round.outcome().wire()),
              ResultReport.csvText(String.join(" ", round.defeated())),
              ResultReport.csvText(String.join(" ", round.lot().map(RankedResult.Lot::tied).orElse(List.of()))),
              ResultReport.csvText(round.outcome().ends() ? r.get().winner().orElse("") : "")))).append('\n');
        }
      }
    }
    return out.toString();
  }

  /**
   * result-write-ins.csv: one row per name per write-in line (kind "name"), and one of kind "unreadable" with an
   * empty name for the names that could not be read, if any.
   */
  String writeInsCsv(List<ContestDescription> contests) {
    StringBuilder out = new StringBuilder("contest_id,contest,selection_id,line,kind,name,count\n");
    for (ContestDescription c : contests) {
      for (WriteInCount w : writeIns(c)) {
        String head = String.join(",", List.of(ResultReport.csvText(c.id()),
            ResultReport.csvText(report.contestName(c)), ResultReport.csvText(w.selectionId()),
            ResultReport.csvText(name(c, w.selectionId())))) + ",";
        for (WriteInCount.Name n : w.names()) {
          out.append(head).append("\"name\",").append(ResultReport.csvText(n.name())).append(',').append(n.count())
              .append('\n');
        }
        if (w.unreadable() > 0) {
          out.append(head).append("\"unreadable\",\"\",").append(w.unreadable()).append('\n');
        }
      }
    }
    return out.toString();
  }
}
