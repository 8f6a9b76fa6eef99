package org.evote.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.evote.server.BallotServer;
import org.evote.server.testing.Console;
import org.evote.tally.TallyTool;
import org.evote.witness.WitnessMain;
import org.junit.jupiter.api.Test;

/**
 * {@code ./evote --help} lists every command once, and the help and the typo hints of every program name it as a
 * person types it ({@code ./evote tally}), never by its module's name.
 */
class HelpTextTest {
  private static final List<String> COMMANDS = List.of("demo", "server", "kiosk", "tally", "witness", "load");
  private static final Pattern INTERNAL = Pattern.compile("kiosk-client|tally-tool|ballot-server");

  @Test
  void theHelpListsEachCommandOnceOnOneLine() {
    Console help = Console.run(Evote::run, "--help");
    assertEquals(0, help.code(), help.printed());
    String text = help.out();
    for (String c : COMMANDS) {
      Matcher m = Pattern.compile("(?m)^  " + c + "\\s{2,}\\S").matcher(text);
      int n = 0;
      while (m.find()) {
        n++;
      }
      assertEquals(1, n, c + " listed " + n + " times in:\n" + text);
    }
    String list = text.substring(text.indexOf("Commands"));
    for (String line : list.strip().lines().skip(1).toList()) {
      assertTrue(line.matches("  (" + String.join("|", COMMANDS) + ")\\s{2,}\\S.*"),
          "every command's summary fits its line: '" + line + "' in\n" + text);
    }
    assertFalse(INTERNAL.matcher(text).find(), text);
    assertTrue(text.startsWith("Usage: ./evote "), text);
  }

  @Test
  void everyProgramsHelpAndTypoHintUseTheNamesAPersonTypes() {
    List<Console> runs = List.of(Console.run(TallyTool::run, "--help"), Console.run(BallotServer::run, "--help"),
        Console.run(WitnessMain::run, "--help"), Console.run(TallyTool::run, "verify", "--help"),
        Console.run(BallotServer::run, "serve", "--help"), Console.run(Evote::run, "demo", "--help"));
    for (Console c : runs) {
      assertFalse(INTERNAL.matcher(c.printed()).find(), c.printed());
      assertTrue(c.out().startsWith("Usage: ./evote "), c.printed());
    }
    Console tallyTypo = Console.run(TallyTool::run, "verfy");
    assertTrue(tallyTypo.err().contains("Did you mean: ./evote tally verify"), tallyTypo.printed());
    Console serverTypo = Console.run(BallotServer::run, "serv");
    assertTrue(serverTypo.err().contains("./evote server serve"), serverTypo.printed());
    Console evoteTypo = Console.run(Evote::run, "tall");
    assertTrue(evoteTypo.err().contains("Did you mean: ./evote tally"), evoteTypo.printed());
    assertFalse(INTERNAL.matcher(tallyTypo.printed() + serverTypo.printed() + evoteTypo.printed()).find());
  }

  @Test
  void everyCommandListSummaryIsAWholeSentenceOrPhrase() {
    for (Console c : List.of(Console.run(TallyTool::run, "--help"), Console.run(TallyTool::run, "ceremony", "--help"),
        Console.run(BallotServer::run, "--help"), Console.run(WitnessMain::run, "--help"))) {
      String text = c.out();
      int at = text.indexOf("Commands:");
      if (at < 0) {
        continue;
      }
      List<String> lines = text.substring(at).strip().lines().skip(1).toList();
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        boolean continued = i + 1 < lines.size() && !lines.get(i + 1).matches("  \\S.*");
        if (!continued) {
          assertFalse(line.endsWith(",") || line.endsWith(" the") || line.endsWith(" and"),
              "a summary ends mid-sentence: '" + line + "' in\n" + text);
        }
      }
    }
  }

  @Test
  void helpSentencesAreWhole() {
    for (Console c : List.of(Console.run(Evote::run, "--help"), Console.run(Evote::run, "demo", "--help"))) {
      for (String line : c.out().lines().toList()) {
        assertFalse(line.endsWith(" the") || line.endsWith(" a") || line.endsWith(",") && line.startsWith("  "
            + "demo"), "'" + line + "' in\n" + c.out());
      }
    }
  }
}
